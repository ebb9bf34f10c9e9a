using System.Diagnostics;
using System.Globalization;
using KafkaDemo.Cli.Terminal;
using KafkaDemo.Producer.Delivery;

namespace KafkaDemo.Producer.Progress;

/// <summary>The Producer's progress line: time running, deliveries and failures, their rate, and with <c>--count</c> how many are still to go.</summary>
internal sealed class ProduceProgress(DeliveryStats stats, long? total)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly RateWindow _rate = new(TimeSpan.FromSeconds(2));

    /// <summary>The line as things stand.</summary>
    public string Render()
    {
        var elapsed = _clock.Elapsed;
        var delivered = stats.Delivered;
        return Text(elapsed, delivered, stats.FailedReports, total, _rate.Add(elapsed, delivered));
    }

    /// <summary>The line for these figures; <paramref name="total"/> is null when the run has no set size.</summary>
    public static string Text(TimeSpan elapsed, long delivered, long failed, long? total, double? perSecond) =>
        string.Create(CultureInfo.InvariantCulture,
            $"producing: {elapsed.TotalSeconds:F0} s, delivered {delivered}{(total is { } all ? $" of {all} ({Math.Max(0, all - delivered - failed)} to go)" : string.Empty)}, failed {failed}, {perSecond ?? 0:F0} msg/s");
}
