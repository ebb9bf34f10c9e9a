using Confluent.Kafka;
using KafkaDemo.Consumer.Bounds;

namespace KafkaDemo.Consumer.Offsets;

/// <summary>
/// <c>--exit-at-end</c> and <c>--until</c>: which partitions of the run are still to be read to
/// their end. With <c>--exit-at-end</c> a partition's end is its high watermark when it is first
/// assigned (to any instance); with <c>--until</c> it is also where its <see cref="Bounds"/> stop it,
/// whichever comes first. It reaches its end once a message just before that end was handled, or
/// (its high watermark) once librdkafka reports the partition's end at or past it (an empty
/// partition, one whose committed offset is already there, or one whose last offsets are
/// transaction markers). It is done once that position has also been
/// committed: a commit that fails in a rebalance leaves it pending, its next owner reads it again
/// from the last commit and tries again. A run outside the group has no next owner to try again:
/// its partition is done once read to its end, committed or not. The run is done when every
/// partition is. Thread-safe.
/// </summary>
public sealed class ReadToEnd
{
    private readonly Lock _gate = new();
    private readonly HashSet<TopicPartition> _pending;
    private readonly Dictionary<TopicPartition, long> _ends = [];
    private readonly bool _untilHighWatermark;

    /// <summary>
    /// Tracks <paramref name="partitions"/>: every partition the run will read, each to its high
    /// watermark (<paramref name="untilHighWatermark"/>, <c>--exit-at-end</c>) and to its <paramref name="bounds"/>.
    /// </summary>
    public ReadToEnd(IEnumerable<TopicPartition> partitions, PartitionBounds? bounds = null, bool untilHighWatermark = true)
    {
        _pending = [.. partitions];
        Bounds = bounds;
        _untilHighWatermark = untilHighWatermark;
    }

    /// <summary>With <c>--until</c>, where each partition stops; null otherwise.</summary>
    public PartitionBounds? Bounds { get; }

    /// <summary>True once every partition has been read to its end.</summary>
    public bool Done
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count == 0;
            }
        }
    }

    /// <summary>Whether <paramref name="partition"/> still needs its end taken (first assignment).</summary>
    public bool NeedsEnd(TopicPartition partition)
    {
        lock (_gate)
        {
            return _untilHighWatermark && _pending.Contains(partition) && !_ends.ContainsKey(partition);
        }
    }

    /// <summary>Whether <paramref name="partition"/> is still to be read to its end (or its bound) and committed there.</summary>
    public bool IsPending(TopicPartition partition)
    {
        lock (_gate)
        {
            return _pending.Contains(partition);
        }
    }

    // The end of a partition at its first assignment; later calls keep the first.
    private void Assigned(TopicPartition partition, long end)
    {
        lock (_gate)
        {
            _ends.TryAdd(partition, end);
        }
    }

    /// <summary>Takes the end of those of <paramref name="partitions"/> seen for the first time from <paramref name="highWatermark"/>.</summary>
    public void TakeEnds(IEnumerable<TopicPartition> partitions, Func<TopicPartition, long> highWatermark)
    {
        foreach (var partition in partitions.Where(NeedsEnd))
        {
            Assigned(partition, highWatermark(partition));
        }
    }

    /// <summary>
    /// A message at <paramref name="offset"/> of <paramref name="partition"/> was handled; true when
    /// that brings the partition to its end, so that its position should be committed now.
    /// </summary>
    public bool Handled(TopicPartition partition, long offset) => ReachedEnd(partition, offset + 1);

    /// <summary>
    /// Reading <paramref name="partition"/> has got to <paramref name="next"/>, the offset of the next
    /// message; true when that is its end and it still waits for its commit.
    /// </summary>
    public bool ReachedEnd(TopicPartition partition, long next)
    {
        lock (_gate)
        {
            return _pending.Contains(partition) && _ends.TryGetValue(partition, out var end) && next >= end;
        }
    }

    /// <summary>The end position of <paramref name="partition"/> was committed: it is done.</summary>
    public void Committed(TopicPartition partition)
    {
        lock (_gate)
        {
            _pending.Remove(partition);
        }
    }

    /// <summary>A run outside the group read <paramref name="partition"/> to its end, and its commit was refused or failed: it is done.</summary>
    public void EndedWithoutCommit(TopicPartition partition) => Committed(partition);

    /// <summary>Nothing will ever be read from <paramref name="partition"/> (no committed offset under <c>--from committed</c>).</summary>
    public void Unreadable(TopicPartition partition)
    {
        lock (_gate)
        {
            _pending.Remove(partition);
        }
    }
}
