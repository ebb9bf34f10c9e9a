using KafkaDemo.Common.Statistics;

namespace KafkaDemo.Consumer;

/// <summary>The end-of-run summary: counts, then messages per partition and per event type as bars.</summary>
public static class ConsumeSummaryReport
{
    /// <summary>The summary as lines of text.</summary>
    public static IReadOnlyList<string> Render(ConsumeSummary summary, TimeSpan elapsed)
    {
        var lines = new List<string>
        {
            $"Summary: consumed {summary.Consumed}, shown {summary.Shown}, filtered out {summary.FilteredOut}, invalid {summary.Invalid}, sent to DLQ {summary.DeadLettered} in {elapsed.TotalSeconds:F2} s",
        };

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
