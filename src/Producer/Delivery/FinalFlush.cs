using System.Diagnostics;
using Confluent.Kafka;

namespace KafkaDemo.Producer.Delivery;

/// <summary>
/// The wait for outstanding deliveries at the end of a run. Dispose alone would drop what is still
/// queued, so the Producer waits as long as a message may live (message.timeout.ms, from whichever
/// layer set it); a run that is stopping gets <see cref="ShutdownLimit"/>, and with no message
/// timeout at all the wait goes on until the run is cancelled.
/// </summary>
public static class FinalFlush
{
    /// <summary>How long a stopping run (Ctrl+C, a fatal error) waits for its last reports.</summary>
    public static readonly TimeSpan ShutdownLimit = TimeSpan.FromSeconds(10);

    /// <summary>Flushes; returns how many messages are still unacknowledged, and how long it allowed in <paramref name="waited"/>.</summary>
    public static int Run(IProducer<byte[], byte[]> producer, ProducerConfig config, bool stopping, CancellationToken cancellationToken, out TimeSpan waited)
    {
        if (stopping)
        {
            waited = ShutdownLimit;
            return producer.Flush(ShutdownLimit);
        }

        if (ProducerConfigFactory.FlushLimit(config) is { } limit)
        {
            waited = limit;
            return producer.Flush(limit);
        }

        var clock = Stopwatch.StartNew();
        var stillQueued = producer.Flush(TimeSpan.FromSeconds(1));
        while (stillQueued > 0 && !cancellationToken.IsCancellationRequested)
        {
            stillQueued = producer.Flush(TimeSpan.FromSeconds(1));
        }

        stillQueued = stillQueued > 0 ? producer.Flush(ShutdownLimit) : 0;
        waited = clock.Elapsed;
        return stillQueued;
    }
}
