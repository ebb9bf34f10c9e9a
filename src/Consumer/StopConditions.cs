using System.Diagnostics;
using KafkaDemo.Consumer.Offsets;

namespace KafkaDemo.Consumer;

/// <summary>
/// When a run stops, for every instance at once: cancellation, a fatal error, <c>--max-messages</c>,
/// <c>--idle-timeout</c>, and <c>--exit-at-end</c> and <c>--until</c> (whose partitions <see cref="ReadToEnd"/> tracks). Thread-safe.
/// </summary>
internal sealed class StopConditions(ConsumerOptions options, CancellationToken cancellationToken, ReadToEnd? toEnd)
{
    private long _claimed;
    private long _lastActivity = Stopwatch.GetTimestamp();
    private volatile bool _fatal;

    /// <summary>With <c>--exit-at-end</c> or <c>--until</c>, the partitions still to be read to their end or bound; null otherwise.</summary>
    public ReadToEnd? ToEnd => toEnd;

    public CancellationToken Cancellation => cancellationToken;

    public bool Fatal => _fatal;

    public void MarkFatal() => _fatal = true;

    public bool ShouldStop => cancellationToken.IsCancellationRequested || _fatal || toEnd?.Done == true
        || (options.MaxMessages > 0 && Interlocked.Read(ref _claimed) >= options.MaxMessages)
        || IdleTooLong;

    public bool IdleTooLong => options.IdleTimeout is { } idle && Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastActivity)) >= idle;

    /// <summary>Takes the right to handle one more message; false once --max-messages is reached.</summary>
    public bool TryClaim()
    {
        // Only for speed: the clock is read for every message only when --idle-timeout needs it.
        if (options.IdleTimeout is not null)
        {
            Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());
        }

        var claimed = Interlocked.Increment(ref _claimed);
        return options.MaxMessages == 0 || claimed <= options.MaxMessages;
    }
}
