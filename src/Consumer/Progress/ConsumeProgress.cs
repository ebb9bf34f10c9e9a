using System.Diagnostics;
using System.Globalization;
using KafkaDemo.Cli.Terminal;

namespace KafkaDemo.Consumer.Progress;

/// <summary>The Consumer's progress line: time running, messages consumed, their rate, and the lag once the consumers know it.</summary>
internal sealed class ConsumeProgress(ConsumeStats stats, ConsumerPositions positions)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly RateWindow _rate = new(TimeSpan.FromSeconds(2));

    /// <summary>The line as things stand.</summary>
    public string Render()
    {
        var elapsed = _clock.Elapsed;
        var consumed = stats.Consumed;
        return Text(elapsed, consumed, _rate.Add(elapsed, consumed), positions.Lag());
    }

    /// <summary>The line for these figures.</summary>
    public static string Text(TimeSpan elapsed, long consumed, double? perSecond, long? lag) =>
        string.Create(CultureInfo.InvariantCulture,
            $"consuming: {elapsed.TotalSeconds:F0} s, consumed {consumed}, {perSecond ?? 0:F0} msg/s{(lag is { } behind ? $", lag {behind}" : string.Empty)}");
}
