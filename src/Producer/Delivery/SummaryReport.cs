using System.Globalization;
using KafkaDemo.Cli;
using KafkaDemo.Common.Statistics;
using KafkaDemo.Producer.Transactions;

namespace KafkaDemo.Producer.Delivery;

/// <summary>The end-of-run summary: counts, throughput, latency percentiles, and messages per partition as bars.</summary>
public static class SummaryReport
{
    /// <summary>One line on what became of a transactional run's transactions.</summary>
    public static string TransactionLine(TransactionOutcome outcome)
    {
        if (outcome.NeverStarted)
        {
            return $"Transactions (transactional.id {outcome.TransactionalId}): none started, nothing sent (see the error above)";
        }

        var line = string.Create(CultureInfo.InvariantCulture,
            $"Transactions (transactional.id {outcome.TransactionalId}): committed {outcome.Committed} ({outcome.CommittedMessages} messages)");
        if (outcome.AbortReason is { } reason)
        {
            line += string.Create(CultureInfo.InvariantCulture, $", aborted {outcome.Aborted} ({outcome.AbortedMessages} messages) because {reason}");
        }

        return outcome.Unfinished ? line + "; the last one could not be ended (see the errors above)" : line;
    }

    /// <summary>The summary as lines of text.</summary>
    /// <param name="summary">The run's counts.</param>
    /// <param name="stats">Latencies and per-partition counts.</param>
    /// <param name="elapsed">Wall time of the run.</param>
    /// <param name="topic">Topic produced to.</param>
    /// <param name="partitionCount">The topic's partition count when known, so that empty partitions show too.</param>
    public static IReadOnlyList<string> Render(ProduceSummary summary, DeliveryStats stats, TimeSpan elapsed, string topic, int? partitionCount = null)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-6);
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Summary for {topic}: sent {summary.Sent}, delivered {summary.Delivered}, failed {summary.Failed}{(summary.Rejected > 0 ? $", input lines rejected {summary.Rejected}" : string.Empty)} in {elapsed.TotalSeconds:F2} s ({summary.Delivered / seconds:F0} msg/s)"),
        };

        if (summary.Transactions is { } transactions)
        {
            lines.Add(TransactionLine(transactions));
        }

        if (summary.Delivered > 0)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"Delivery latency: p50 {stats.Percentile(50).TotalMilliseconds:F1} ms, p99 {stats.Percentile(99).TotalMilliseconds:F1} ms; first delivery {ProcessClock.SinceStart(stats.FirstDeliveryTimestamp).TotalSeconds:F3} s after the process started"));
            lines.Add("Delivered per partition:");
            var counts = stats.PerPartition().ToDictionary(p => p.Partition, p => p.Count);
            var shown = Enumerable.Range(0, partitionCount ?? 0).Union(counts.Keys).Order();
            lines.AddRange(BarChart.Render([.. shown.Select(p => ($"  {p}", counts.GetValueOrDefault(p)))]));
        }

        return lines;
    }
}
