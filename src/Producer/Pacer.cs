using System.Diagnostics;

namespace KafkaDemo.Producer;

/// <summary>
/// Spaces messages <c>interval</c> apart across all threads: the n-th message may leave at
/// start + n × interval, so a slow send is caught up rather than drifting. Without an interval it never waits.
/// </summary>
public sealed class Pacer(TimeSpan? interval)
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private long _turn = -1;

    /// <summary>Waits for the next slot; false when cancelled while waiting.</summary>
    public bool WaitTurn(CancellationToken cancellationToken) =>
        WaitTurn(due => !cancellationToken.WaitHandle.WaitOne(due));

    /// <summary>
    /// Waits for the next slot through <paramref name="wait"/>, which is handed the time left and
    /// returns false when the wait was cancelled; false then.
    /// </summary>
    public bool WaitTurn(Func<TimeSpan, bool> wait)
    {
        if (interval is not { } every || every <= TimeSpan.Zero)
        {
            return true;
        }

        var turn = Interlocked.Increment(ref _turn);
        var due = every * turn - Stopwatch.GetElapsedTime(_start);
        return due <= TimeSpan.Zero || wait(due);
    }
}
