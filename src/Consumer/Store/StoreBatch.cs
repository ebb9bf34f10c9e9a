using System.Diagnostics;
using Confluent.Kafka;
using KafkaDemo.Clients.Telemetry;
using KafkaDemo.Consumer.Telemetry;

namespace KafkaDemo.Consumer.Store;

/// <summary>
/// One consumer instance's side of <c>--store</c>: the events handled since the last write and the
/// offsets they move, written as one transaction at each checkpoint, and where each assigned
/// partition starts: the offset the store holds, the database being the source of truth. Used
/// by its instance's thread only. While traces are recorded, each write is a span of its own
/// linked to the messages of its batch; its duration is a metric.
/// </summary>
internal sealed class StoreBatch(EventStore store, string groupId, ConsumerMetrics metrics)
{
    private readonly List<StoredEvent> _events = [];
    private readonly List<ActivityLink> _links = [];
    private readonly Dictionary<TopicPartition, long> _next = [];

    // The store's offset per assigned partition as last read or written here; null: no row yet.
    private readonly Dictionary<TopicPartition, long?> _stored = [];

    /// <summary>Events waiting for the next write.</summary>
    public int Pending => _events.Count;

    /// <summary>
    /// Where the newly assigned <paramref name="partitions"/> start: at the stored offset where
    /// the store has one, otherwise where <paramref name="otherwise"/> says.
    /// </summary>
    public IEnumerable<TopicPartitionOffset> Assigned(List<TopicPartition> partitions, Func<TopicPartition, TopicPartitionOffset> otherwise)
    {
        var positions = store.Positions(groupId, partitions);
        var starts = new List<TopicPartitionOffset>(partitions.Count);
        foreach (var partition in partitions)
        {
            var known = positions.TryGetValue(partition, out var next);
            _stored[partition] = known ? next : null;
            starts.Add(known ? new TopicPartitionOffset(partition, new Offset(next)) : otherwise(partition));
        }

        return starts;
    }

    /// <summary>Adds a handled message: its row, if it is stored, and in any case its partition's next offset.</summary>
    public void Handled(ConsumeResult<byte[], byte[]> message, StoredEvent? row)
    {
        if (row is not null)
        {
            _events.Add(row);
            if (KafkaTelemetry.Source.HasListeners() && MessagingSpans.LinkTo(message.Message.Headers) is { } link)
            {
                _links.Add(link);
            }
        }

        _next[message.TopicPartition] = message.Offset.Value + 1;
    }

    /// <summary>Writes what was handled in one transaction; on success the instance may tell Kafka too.</summary>
    /// <exception cref="StoreException">The database failed: nothing of the batch is stored.</exception>
    /// <exception cref="StoreConflictException">Another consumer wrote one of the partitions: nothing of the batch is stored.</exception>
    public void Write()
    {
        if (_next.Count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        using var span = MessagingSpans.StartBatch("store write", _links);
        span?.SetTag("db.system.name", store.Target.Engine == StoreEngine.Postgres ? "postgresql" : "sqlite");
        try
        {
            store.Write(groupId, _events, [.. _next.Select(n => new OffsetAdvance(n.Key, _stored.GetValueOrDefault(n.Key), n.Value))]);
            metrics.StoreWritten(Stopwatch.GetElapsedTime(started));
            foreach (var (partition, next) in _next)
            {
                _stored[partition] = next;
            }
        }
        finally
        {
            // Written, or to be read again from the stored offsets by whoever reads next.
            _events.Clear();
            _links.Clear();
            _next.Clear();
        }
    }

    /// <summary>Drops what was handled in <paramref name="partitions"/>, lost to another member, which reads it again from the store.</summary>
    public void Forget(IEnumerable<TopicPartition> partitions)
    {
        var lost = partitions.ToHashSet();
        _events.RemoveAll(e => lost.Contains(new TopicPartition(e.Topic, new Partition(e.Partition))));
        foreach (var partition in lost)
        {
            _next.Remove(partition);
            _stored.Remove(partition);
        }
    }
}
