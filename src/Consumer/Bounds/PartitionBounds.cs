using Confluent.Kafka;

namespace KafkaDemo.Consumer.Bounds;

/// <summary>
/// Where each partition stops under <c>--until</c>, shared by the run's instances so that a
/// partition that moves between them keeps its count and its stop. A partition's stop is the
/// offset of the first message it does not show: the bound's offset itself for <c>@offset</c>;
/// one past the n-th message counted for <c>+n</c>; for a time, the first message read whose
/// timestamp is later (message timestamps, not the broker's offset lookup). Once known, the stop
/// never moves, so a partition read again from its last commit (at least once) stops at the same
/// place and no message is counted twice. Thread-safe.
/// </summary>
public sealed class PartitionBounds(UntilBound bound)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TopicPartition, Progress> _partitions = [];

    /// <summary>The bound every partition stops at.</summary>
    public UntilBound Bound => bound;

    /// <summary>
    /// Whether the message at <paramref name="offset"/> of <paramref name="partition"/>, with
    /// <paramref name="timestampMs"/> (negative: none), lies past the bound: it is neither shown
    /// nor counted, and the partition ends before it. A message that is not past is counted here.
    /// </summary>
    public bool IsPast(TopicPartition partition, long offset, long timestampMs)
    {
        if (bound.Kind == UntilKind.Offset)
        {
            return offset >= bound.Value;
        }

        lock (_gate)
        {
            var progress = ProgressOf(partition);
            if (progress.StopAt is { } stop)
            {
                return offset >= stop;
            }

            if (bound.Kind == UntilKind.Time)
            {
                if (timestampMs >= 0 && timestampMs > bound.Value)
                {
                    progress.StopAt = offset;
                    return true;
                }

                return false;
            }

            // Read again from the last commit (after a rebalance): counted already.
            if (offset > progress.Highest)
            {
                progress.Highest = offset;
                if (++progress.Counted == bound.Value)
                {
                    progress.StopAt = offset + 1;
                }
            }

            return false;
        }
    }

    /// <summary>Whether the message at <paramref name="offset"/>, just handled, was the last one before its partition's stop.</summary>
    public bool IsLast(TopicPartition partition, long offset)
    {
        if (bound.Kind == UntilKind.Offset)
        {
            return offset + 1 >= bound.Value;
        }

        lock (_gate)
        {
            return _partitions.TryGetValue(partition, out var progress) && progress.StopAt is { } stop && offset + 1 >= stop;
        }
    }

    private Progress ProgressOf(TopicPartition partition)
    {
        if (!_partitions.TryGetValue(partition, out var progress))
        {
            progress = new Progress();
            _partitions.Add(partition, progress);
        }

        return progress;
    }

    private sealed class Progress
    {
        public long Highest { get; set; } = -1;

        public long Counted { get; set; }

        public long? StopAt { get; set; }
    }
}
