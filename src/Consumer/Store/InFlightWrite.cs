using Confluent.Kafka;

namespace KafkaDemo.Consumer.Store;

/// <summary>
/// One <see cref="StoreBatch"/> write running on a thread of its own while its instance keeps consuming,
/// and the Kafka offsets of its messages, which may be stored with the client only once the write
/// has landed: Kafka never hears of an offset the database does not hold yet.
/// </summary>
/// <remarks>
/// Exists for speed: the database's work runs beside the reading instead of after it. It could go
/// (each checkpoint writing on the instance's thread) if a batch's write ever cost little next to
/// reading the batch.
/// </remarks>
internal sealed class InFlightWrite
{
    private readonly Task _write;
    private readonly List<TopicPartitionOffset> _held;

    /// <summary>Starts <paramref name="write"/>, holding <paramref name="held"/> until it has landed.</summary>
    /// <remarks>
    /// A thread of its own, not the pool's: a write blocks on the database for as long as it takes,
    /// and with more instances than cores their writes would otherwise queue for pool threads, and
    /// whatever else the pool runs behind them.
    /// </remarks>
    public InFlightWrite(Action write, List<TopicPartitionOffset> held)
    {
        _held = held;
        _write = Task.Factory.StartNew(write, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Whether the write has ended, well or not.</summary>
    public bool Ended => _write.IsCompleted;

    /// <summary>Keeps <paramref name="offset"/> until the write has landed.</summary>
    public void Hold(TopicPartitionOffset offset) => _held.Add(offset);

    /// <summary>Drops the held offsets of partitions this instance lost: their next owner reads from the store.</summary>
    public void Forget(HashSet<TopicPartition> lost) => _held.RemoveAll(o => lost.Contains(o.TopicPartition));

    /// <summary>Waits for the write; the offsets it held, now safe to store with the client.</summary>
    /// <exception cref="StoreException">The database failed: nothing of the batch is stored.</exception>
    /// <exception cref="StoreConflictException">Another consumer wrote one of the partitions: nothing of the batch is stored.</exception>
    public IReadOnlyList<TopicPartitionOffset> Wait()
    {
        _write.GetAwaiter().GetResult();
        return _held;
    }

    /// <summary>Waits for the write to end, well or not; a failure is thrown later, by <see cref="Wait"/>.</summary>
    public void Settle()
    {
        try
        {
            _write.Wait();
        }
        catch (AggregateException)
        {
        }
    }
}
