using System.Diagnostics;
using Confluent.Kafka;

namespace KafkaDemo.Producer.Delivery;

/// <summary>
/// Serves the producer's delivery reports, and its error and log events, on the threads that
/// produce: the producer's config turns Confluent.Kafka's background poll thread off.
/// </summary>
/// <remarks>
/// This exists only for speed. Served on the background thread, every batch of reports costs a
/// cross-thread wake-up and the two threads contend for librdkafka's queue; served where the
/// messages are produced, a bulk run takes far less CPU and memory (docs/performance.md has the
/// figures). It could go, with the config setting, if Confluent.Kafka's background poll became as
/// cheap. Who polls:
/// <list type="bullet">
/// <item>each producing thread, right after a produce, when it has not polled for <see cref="PollGap"/>
/// (with several threads, each polling for itself beat one thread at a time);</item>
/// <item>a producing thread that finds librdkafka's queue full, while it waits for room, and one
/// waiting for its <c>--interval</c> turn, while it waits;</item>
/// <item>an idle poller thread, whenever no producing thread has polled for <see cref="IdleAfter"/>:
/// the producing threads are waiting (for a line of slow stdin, for a commit), and the reports of what they sent must still come back at once. It blocks in poll, so
/// a report is handled as soon as it arrives, and steps aside when the producing threads poll again;</item>
/// <item>the final flush and a transaction's commit, which poll while they wait.</item>
/// </list>
/// Every callback is thread-safe, so which thread serves a report does not matter.
/// </remarks>
public sealed class DeliveryReportPoller : IDisposable
{
    /// <summary>How often, at most, a producing thread polls while it is busy.</summary>
    public static readonly TimeSpan PollGap = TimeSpan.FromMilliseconds(1);

    /// <summary>How long the producing threads may go without polling before the idle poller serves in their place.</summary>
    public static readonly TimeSpan IdleAfter = TimeSpan.FromMilliseconds(10);

    private static readonly long s_pollGapTicks = (long)(PollGap.TotalSeconds * Stopwatch.Frequency);

    private readonly IProducer<byte[], byte[]> _producer;
    private readonly ManualResetEventSlim _stopping = new();
    private readonly Thread _idlePoller;
    private long _lastPoll = Stopwatch.GetTimestamp();

    /// <summary>Starts serving <paramref name="producer"/>'s events; the idle poller runs until <see cref="Stop"/>.</summary>
    public DeliveryReportPoller(IProducer<byte[], byte[]> producer)
    {
        _producer = producer;
        _idlePoller = new Thread(ServeWhileIdle) { IsBackground = true, Name = "idle-poller" };
        _idlePoller.Start();
    }

    /// <summary>
    /// Called by a producing thread after each produce, with the Stopwatch timestamp it took for
    /// that message and the time of its own last poll: serves whatever is ready once
    /// <see cref="PollGap"/> has passed since.
    /// </summary>
    public void AfterProduce(long now, ref long lastPoll)
    {
        if (now - lastPoll >= s_pollGapTicks)
        {
            lastPoll = now;
            Volatile.Write(ref _lastPoll, now);
            _producer.Poll(TimeSpan.Zero);
        }
    }

    /// <summary>librdkafka's queue is full: serves reports for up to <paramref name="wait"/>, returning once some came back.</summary>
    public void WaitForRoom(TimeSpan wait)
    {
        Volatile.Write(ref _lastPoll, Stopwatch.GetTimestamp());
        _producer.Poll(wait);
    }

    /// <summary>
    /// A producing thread waiting <paramref name="wait"/> for its pacing turn serves reports
    /// meanwhile, each as it arrives; false when <paramref name="cancellationToken"/> fired first.
    /// </summary>
    public bool ServeWhileWaiting(TimeSpan wait, CancellationToken cancellationToken)
    {
        var until = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= until)
            {
                return true;
            }

            Volatile.Write(ref _lastPoll, now);
            // Whole milliseconds (librdkafka's unit), rounded up so that the last one is not spun.
            var left = TimeSpan.FromMilliseconds(Math.Ceiling(Stopwatch.GetElapsedTime(now, until).TotalMilliseconds));
            _producer.Poll(left < IdleAfter ? left : IdleAfter);
        }

        return false;
    }

    /// <summary>Stops the idle poller once its current poll returns: the sending is over, and the final flush polls for itself.</summary>
    public void Stop() => _stopping.Set();

    /// <summary>Stops the idle poller and waits for it, so that nothing polls a disposed producer.</summary>
    public void Dispose()
    {
        Stop();
        _idlePoller.Join();
        _stopping.Dispose();
    }

    private void ServeWhileIdle()
    {
        while (!_stopping.IsSet)
        {
            var quiet = Stopwatch.GetElapsedTime(Volatile.Read(ref _lastPoll));
            if (quiet < IdleAfter)
            {
                _stopping.Wait(IdleAfter - quiet);
                continue;
            }

            _producer.Poll(IdleAfter);
        }
    }
}
