using Confluent.Kafka;

namespace KafkaDemo.Consumer.Progress;

/// <summary>
/// The run's consumers, so that the progress line can ask how far behind they are: each one's
/// position in its assigned partitions against the partition's end as its last fetch saw it. Both
/// are held by the client, so asking costs no request to the broker and nothing on the poll loop.
/// </summary>
public sealed class ConsumerPositions
{
    private readonly Lock _gate = new();
    private readonly List<IConsumer<byte[], byte[]>> _consumers = [];

    /// <summary>Counts <paramref name="consumer"/> in until the returned handle is disposed, which must come before the consumer's own disposal.</summary>
    public IDisposable Track(IConsumer<byte[], byte[]> consumer)
    {
        lock (_gate)
        {
            _consumers.Add(consumer);
        }

        return new Untrack(this, consumer);
    }

    /// <summary>Messages between the consumers' positions and their partitions' ends, over the partitions where both are known; null where none is.</summary>
    public long? Lag()
    {
        // Under the lock, no consumer can be disposed while it is asked.
        lock (_gate)
        {
            long? total = null;
            foreach (var consumer in _consumers)
            {
                total = Add(total, LagOf(consumer));
            }

            return total;
        }
    }

    private static long? LagOf(IConsumer<byte[], byte[]> consumer)
    {
        long? lag = null;
        try
        {
            foreach (var partition in consumer.Assignment)
            {
                var position = consumer.Position(partition);
                var end = consumer.GetWatermarkOffsets(partition).High;
                if (!position.IsSpecial && !end.IsSpecial)
                {
                    lag = Add(lag, Math.Max(0, end.Value - position.Value));
                }
            }
        }
        catch (Exception ex) when (ex is KafkaException or ObjectDisposedException or InvalidOperationException)
        {
            // A consumer closing, or between assignments: the rest still count.
        }

        return lag;
    }

    private static long? Add(long? total, long? more) => more is null ? total : (total ?? 0) + more;

    private sealed class Untrack(ConsumerPositions positions, IConsumer<byte[], byte[]> consumer) : IDisposable
    {
        public void Dispose()
        {
            lock (positions._gate)
            {
                positions._consumers.Remove(consumer);
            }
        }
    }
}
