using System.Globalization;
using KafkaDemo.Cli;
using KafkaDemo.Common.Statistics;

namespace KafkaDemo.Consumer;

/// <summary>The end-of-run summary: counts, then messages per partition and per event type as bars.</summary>
public static class ConsumeSummaryReport
{
    /// <summary>The summary as lines of text.</summary>
    /// <param name="summary">The run's counts.</param>
    /// <param name="elapsed">Wall time of the run.</param>
    /// <param name="sinceStart">How long after the process started a moment came (<see cref="ProcessClock.SinceStart(DateTime)"/> by default).</param>
    public static IReadOnlyList<string> Render(ConsumeSummary summary, TimeSpan elapsed, Func<DateTime, TimeSpan>? sinceStart = null)
    {
        var lines = new List<string>
        {
            $"Summary: consumed {summary.Consumed}, shown {summary.Shown}, filtered out {summary.FilteredOut}, invalid {summary.Invalid}, sent to DLQ {summary.DeadLettered} in {elapsed.TotalSeconds:F2} s",
        };

        if (summary.FirstHandledUtc is { } first)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"First message handled {(sinceStart ?? ProcessClock.SinceStart)(first).TotalSeconds:F3} s after the process started"));
        }

        if (summary.PerPartition.Count > 0)
        {
            lines.Add("Per partition:");
            lines.AddRange(BarChart.Render([.. summary.PerPartition.Select(p => ($"  {p.Key}", p.Value))]));
        }

        if (summary.PerEventType.Count > 0)
        {
            lines.Add("Per event type:");
            lines.AddRange(BarChart.Render([.. summary.PerEventType.Select(p => ($"  {p.Key}", p.Value))]));
        }

        return lines;
    }
}
