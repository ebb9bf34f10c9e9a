using System.Diagnostics;
using Confluent.Kafka;
using KafkaDemo.Clients.Telemetry;
using KafkaDemo.Consumer.Telemetry;

namespace KafkaDemo.Consumer.Store;

/// <summary>
/// One consumer instance's side of <c>--store</c>: the events handled since the last write and the
/// offsets they move, written as one transaction at each checkpoint, and where each assigned
/// partition starts: the offset the store holds, the database being the source of truth. A write
/// runs on a thread of its own (<see cref="InFlightWrite"/>), at most one at a time, while the instance
/// handles the next batch; the Kafka offsets of its messages wait for it. Otherwise used by its
/// instance's thread only. While traces are recorded, each write is a span of its own linked to
/// the messages of its batch; its duration is a metric.
/// </summary>
internal sealed class StoreBatch(EventStore store, string groupId, ConsumerMetrics metrics)
{
    private readonly Dictionary<TopicPartition, long> _next = [];

    // The store's offset per assigned partition as last read here or handed to a write; null: no row yet.
    private readonly Dictionary<TopicPartition, long?> _stored = [];

    private List<StoredEvent> _events = [];
    private List<ActivityLink> _links = [];

    // Kafka offsets of messages in this batch, stored with the client once it has been written.
    private List<TopicPartitionOffset> _held = [];
    private InFlightWrite? _inFlight;
    private bool _failed;

    /// <summary>Events waiting for the next write.</summary>
    public int Pending => _events.Count;

    /// <summary>Whether a write failed: nothing more is written, and the run is stopping.</summary>
    public bool Failed => _failed;

    /// <summary>Whether the last write handed off is still running.</summary>
    public bool StillWriting => _inFlight is { Ended: false };

    /// <summary>
    /// Where the newly assigned <paramref name="partitions"/> start: at the stored offset where
    /// the store has one, otherwise where <paramref name="otherwise"/> says.
    /// </summary>
    public IEnumerable<TopicPartitionOffset> Assigned(List<TopicPartition> partitions, Func<TopicPartition, TopicPartitionOffset> otherwise)
    {
        // A write still in flight may be moving these partitions' offsets: they are read once it ended.
        _inFlight?.Settle();
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

    /// <summary>
    /// Hands what was handled to a write on a thread of its own and returns at once; the
    /// previous write must have been waited for (<see cref="EndWrite"/>). Nothing starts when
    /// nothing was handled, nor after a write failed: what was handled since expects the offsets
    /// the failed write would have moved, and the run is stopping.
    /// </summary>
    public void BeginWrite()
    {
        if (_inFlight is not null)
        {
            throw new InvalidOperationException("a store write is already in flight");
        }

        if (_failed || _next.Count == 0)
        {
            Clear();
            return;
        }

        var (events, links) = (_events, _links);
        var advances = _next.Select(n => new OffsetAdvance(n.Key, _stored.GetValueOrDefault(n.Key), n.Value)).ToList();

        // The next batch moves the offsets on from where this one leaves them.
        foreach (var (partition, next) in _next)
        {
            _stored[partition] = next;
        }

        _inFlight = new InFlightWrite(() => Write(events, links, advances), _held);
        (_events, _links, _held) = ([], [], []);
        _next.Clear();
    }

    /// <summary>
    /// Waits for the write in flight, if any; the Kafka offsets it held, which the instance may now
    /// store with the client. When it failed, what was handled since is dropped with it.
    /// </summary>
    /// <exception cref="StoreException">The database failed: nothing of the batch is stored.</exception>
    /// <exception cref="StoreConflictException">Another consumer wrote one of the partitions: nothing of the batch is stored.</exception>
    public IReadOnlyList<TopicPartitionOffset> EndWrite()
    {
        if (_inFlight is not { } write)
        {
            return [];
        }

        _inFlight = null;
        try
        {
            return write.Wait();
        }
        catch (Exception ex) when (ex is StoreException or StoreConflictException)
        {
            _failed = true;
            Clear();
            throw;
        }
    }

    /// <summary>
    /// Keeps a Kafka offset of messages handled here until the write that holds them has landed:
    /// this batch's, or the one in flight when this batch is empty; false when no write holds them
    /// (they were written already), and the caller may store it with the client now.
    /// </summary>
    public bool Hold(TopicPartitionOffset offset)
    {
        if (_next.Count > 0)
        {
            _held.Add(offset);
            return true;
        }

        _inFlight?.Hold(offset);
        return _inFlight is not null;
    }

    /// <summary>Drops what was handled in <paramref name="partitions"/>, lost to another member, which reads it again from the store.</summary>
    public void Forget(IEnumerable<TopicPartition> partitions)
    {
        var lost = partitions.ToHashSet();

        // The write in flight ends first, so that a partition assigned here again is read from
        // where it left the store; its failure, if any, stops the run at the next checkpoint.
        _inFlight?.Settle();
        _inFlight?.Forget(lost);
        _held.RemoveAll(o => lost.Contains(o.TopicPartition));
        _events.RemoveAll(e => lost.Contains(new TopicPartition(e.Topic, new Partition(e.Partition))));
        foreach (var partition in lost)
        {
            _next.Remove(partition);
            _stored.Remove(partition);
        }
    }

    private void Write(List<StoredEvent> events, List<ActivityLink> links, List<OffsetAdvance> advances)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = MessagingSpans.StartBatch("store write", links);
        span?.SetTag("db.system.name", store.Target.Engine == StoreEngine.Postgres ? "postgresql" : "sqlite");
        store.Write(groupId, events, advances);
        metrics.StoreWritten(Stopwatch.GetElapsedTime(started));
    }

    private void Clear()
    {
        _events.Clear();
        _links.Clear();
        _held.Clear();
        _next.Clear();
    }
}
