using Confluent.Kafka;

namespace KafkaDemo.Consumer.Offsets;

/// <summary>Where each partition starts, from <c>--from</c> (or <c>--tail</c>) and <c>--assign topic:partition@offset</c>.</summary>
internal sealed class StartOffsets(StartPosition from)
{
    private static readonly TimeSpan s_metadataTimeout = TimeSpan.FromSeconds(10);

    private readonly HashSet<TopicPartition> _positioned = [];

    /// <summary>
    /// For a group member's newly assigned partitions: the committed offset (Unset), except that
    /// a time or a tail repositions each partition once; after a later rebalance the member
    /// resumes from the committed offsets instead of reading everything since then again.
    /// </summary>
    public IEnumerable<TopicPartitionOffset> ForAssigned(IConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions)
    {
        if (from.Kind is not (StartKind.Time or StartKind.Tail))
        {
            return partitions.Select(p => new TopicPartitionOffset(p, Offset.Unset));
        }

        var fresh = partitions.Where(_positioned.Add).ToList();
        var repositioned = (from.Kind == StartKind.Tail ? AtTail(consumer, fresh) : AtTime(consumer, fresh)).ToDictionary(o => o.TopicPartition);
        return partitions.Select(p => repositioned.TryGetValue(p, out var offset) ? offset : new TopicPartitionOffset(p, Offset.Unset));
    }

    /// <summary>For a manual assignment: the offset given with the partition, otherwise where <c>--from</c> says.</summary>
    public List<TopicPartitionOffset> ForManual(IConsumer<byte[], byte[]> consumer, IReadOnlyList<PartitionAssignment> manual)
    {
        var explicitOffsets = manual.Where(a => a.Offset is not null)
            .Select(a => new TopicPartitionOffset(a.Topic, a.Partition, new Offset(a.Offset!.Value)));
        var rest = manual.Where(a => a.Offset is null).Select(a => new TopicPartition(a.Topic, a.Partition)).ToList();
        var fromOption = from.Kind switch
        {
            StartKind.Time => AtTime(consumer, rest),
            StartKind.Tail => AtTail(consumer, rest),
            StartKind.Latest => rest.Select(p => new TopicPartitionOffset(p, Offset.End)),
            StartKind.Committed => rest.Select(p => new TopicPartitionOffset(p, Offset.Stored)),
            _ => rest.Select(p => new TopicPartitionOffset(p, Offset.Beginning)),
        };
        return [.. explicitOffsets, .. fromOption];
    }

    /// <summary>
    /// With <c>--store</c>, where a partition the database has no offset for starts: where
    /// <paramref name="start"/> put it, or where <c>--from</c> says. The offset Kafka may have
    /// committed for the group is not used: what it covers is not in the database.
    /// </summary>
    public Func<TopicPartition, TopicPartitionOffset> WhereTheStoreHasNone(IEnumerable<TopicPartitionOffset> start)
    {
        var given = start.ToDictionary(s => s.TopicPartition);
        return partition => given.TryGetValue(partition, out var offset) && offset.Offset != Offset.Unset ? offset
            : new TopicPartitionOffset(partition, from.Kind switch
            {
                StartKind.Latest => Offset.End,
                StartKind.Committed => Offset.Stored,
                _ => Offset.Beginning,
            });
    }

    // The last n offsets: transaction markers and offsets compacted away among them show fewer messages.
    private IEnumerable<TopicPartitionOffset> AtTail(IConsumer<byte[], byte[]> consumer, IReadOnlyList<TopicPartition> partitions) =>
        partitions.Select(p =>
        {
            var watermarks = consumer.QueryWatermarkOffsets(p, s_metadataTimeout);
            return new TopicPartitionOffset(p, new Offset(Math.Max(watermarks.Low.Value, watermarks.High.Value - from.Count)));
        }).ToList();

    private IEnumerable<TopicPartitionOffset> AtTime(IConsumer<byte[], byte[]> consumer, IReadOnlyList<TopicPartition> partitions)
    {
        if (partitions.Count == 0)
        {
            return [];
        }

        var timestamp = new Timestamp(from.Time!.Value);
        var found = consumer.OffsetsForTimes(partitions.Select(p => new TopicPartitionTimestamp(p, timestamp)), s_metadataTimeout);
        // No message at or after the time: start at the end, waiting for new ones.
        return found.Select(o => o.Offset == Offset.End || o.Offset.Value < 0 ? new TopicPartitionOffset(o.TopicPartition, Offset.End) : o);
    }
}
