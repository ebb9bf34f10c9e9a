using System.Diagnostics;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using KafkaDemo.Producer.Sources;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Producer.Delivery;

/// <summary>
/// Everything the Producer says about its messages: a line per delivery on <c>output</c> (stdout
/// in the app) unless quiet, failures to the logger, progress lines and the final summary on
/// <c>report</c> (stderr), and the counts behind them. Delivery reports arrive on librdkafka's
/// thread while the producing threads report send failures: every method is thread-safe.
/// </summary>
public sealed class DeliveryReporter(TextWriter output, ILogger logger, TextWriter? report, bool quiet)
{
    private readonly Lock _outputGate = new();

    /// <summary>Counts gathered so far.</summary>
    public DeliveryStats Stats { get; } = new();

    /// <summary>A delivery report came back for <paramref name="outgoing"/>, sent at Stopwatch time <paramref name="started"/>.</summary>
    public void Delivered(DeliveryReport<byte[], byte[]> delivery, OutgoingMessage outgoing, long started)
    {
        var latency = Stopwatch.GetElapsedTime(started);
        if (delivery.Error.Code is ErrorCode.Local_PurgeQueue or ErrorCode.Local_PurgeInflight)
        {
            // Purged by an aborted transaction, which is reported once for all its messages.
            Stats.Failure();
            logger.LogDebug("Purged by the abort: {What}", Describe(outgoing));
            return;
        }

        if (delivery.Error.IsError)
        {
            Stats.Failure();
            logger.LogError("Delivery failed for {What}: {Reason}", Describe(outgoing), delivery.Error.Reason);
            return;
        }

        Stats.Delivery(delivery.Partition.Value, latency);
        if (quiet)
        {
            return;
        }

        var label = outgoing.Label is null ? "📨 Delivered" : $"📨 Delivered ({outgoing.Label})";
        var line = $"{label} | key={KeyText(outgoing.Key)} | partition={delivery.Partition.Value} | offset={delivery.Offset.Value} | {latency.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture)} ms";
        lock (_outputGate)
        {
            output.WriteLine(line);
        }
    }

    /// <summary>librdkafka refused <paramref name="outgoing"/> outright; it counts as failed.</summary>
    public void NotSent(OutgoingMessage outgoing, string reason)
    {
        Stats.Failure();
        logger.LogError("Could not send {What}: {Reason}", Describe(outgoing), reason);
    }

    /// <summary>In quiet mode, one progress line on the report.</summary>
    public void Progress(long sent, TimeSpan elapsed)
    {
        if (!quiet || report is null)
        {
            return;
        }

        var delivered = Stats.Delivered;
        lock (_outputGate)
        {
            report.WriteLine(FormattableString.Invariant(
                $"progress: {elapsed.TotalSeconds:F0} s, sent {sent}, delivered {delivered}, failed {Stats.FailedReports}, {delivered / Math.Max(elapsed.TotalSeconds, 1e-6):F0} msg/s"));
        }
    }

    /// <summary>Writes the summary (or logs it where there is no report) and flushes the output.</summary>
    public ProduceSummary Finish(ProduceSummary summary, TimeSpan elapsed, string topic, int? partitionCount)
    {
        if (report is not null)
        {
            foreach (var line in SummaryReport.Render(summary, Stats, elapsed, topic, partitionCount))
            {
                report.WriteLine(line);
            }

            report.Flush();
        }
        else
        {
            logger.LogInformation("Sent {Sent}, delivered {Delivered}, failed {Failed} in {Seconds:F2} s",
                summary.Sent, summary.Delivered, summary.Failed, elapsed.TotalSeconds);
            if (summary.Transactions is { } transactions)
            {
                logger.LogInformation("{Transactions}", SummaryReport.TransactionLine(transactions));
            }
        }

        lock (_outputGate)
        {
            output.Flush();
        }

        return summary;
    }

    private static string Describe(OutgoingMessage outgoing) =>
        outgoing.Label is null ? $"message with key {KeyText(outgoing.Key)}" : $"{outgoing.Label} event (key {KeyText(outgoing.Key)})";

    private static string KeyText(byte[]? key) =>
        key is null ? "(none)" : Common.Decoding.Printable.Escape(Encoding.UTF8.GetString(key));
}
