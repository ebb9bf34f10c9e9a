using System.Diagnostics;

namespace KafkaDemo.Cli;

/// <summary>Times measured from the start of this process, as the summaries report first deliveries and first messages.</summary>
public static class ProcessClock
{
    private static readonly DateTime StartedUtc = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    /// <summary>How long after the process started the moment <paramref name="utc"/> came.</summary>
    public static TimeSpan SinceStart(DateTime utc) => utc - StartedUtc;

    /// <summary>The same for a <see cref="Stopwatch"/> timestamp (a clock of its own): its age, taken from now.</summary>
    public static TimeSpan SinceStart(long stopwatchTimestamp) => SinceStart(DateTime.UtcNow - Stopwatch.GetElapsedTime(stopwatchTimestamp));
}
