namespace KafkaDemo.Consumer.Lag;

/// <summary>One row of the lag view: where a group stands in one partition.</summary>
/// <param name="Topic">Topic.</param>
/// <param name="Partition">Partition.</param>
/// <param name="Committed">The group's committed offset; null when it has none.</param>
/// <param name="LogEnd">The partition's log-end offset (high watermark).</param>
public sealed record PartitionLag(string Topic, int Partition, long? Committed, long LogEnd)
{
    /// <summary>Messages the group has yet to read; null without a committed offset.</summary>
    public long? Lag => Committed is { } committed ? Math.Max(0, LogEnd - committed) : null;
}
