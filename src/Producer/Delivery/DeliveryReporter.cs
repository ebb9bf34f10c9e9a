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
/// <c>report</c> (stderr), and the counts behind them. Delivery reports arrive on whichever thread
/// polls (see <see cref="DeliveryReportPoller"/>), several at once when several threads produce,
/// while the producing threads report send failures: every method is thread-safe.
/// </summary>
public sealed class DeliveryReporter(TextWriter output, ILogger logger, TextWriter? report, bool quiet, Telemetry.ProducerMetrics? metrics = null)
{
    private readonly Lock _outputGate = new();

    /// <summary>Counts gathered so far.</summary>
    public DeliveryStats Stats { get; } = new();

    /// <summary>A delivery report came back for <paramref name="outgoing"/>, sent at Stopwatch time <paramref name="started"/>.</summary>
    public void Delivered(DeliveryReport<byte[], byte[]> delivery, OutgoingMessage outgoing, long started) =>
        Delivered(delivery, outgoing.Key, outgoing.Label, started, outgoing.Value?.Length ?? 0);

    /// <summary>
    /// A delivery report came back for the message with <paramref name="key"/> and
    /// <paramref name="label"/>, sent at Stopwatch time <paramref name="started"/>: what a message
    /// waiting for its report needs to keep, its value being long copied by librdkafka (its size,
    /// <paramref name="bytes"/>, is kept for the metrics).
    /// </summary>
    public void Delivered(DeliveryReport<byte[], byte[]> delivery, byte[]? key, string? label, long started, int bytes)
    {
        var latency = Stopwatch.GetElapsedTime(started);
        if (delivery.Error.Code is ErrorCode.Local_PurgeQueue or ErrorCode.Local_PurgeInflight)
        {
            // Purged by an aborted transaction, which is reported once for all its messages.
            Stats.Failure();
            metrics?.Failed();
            logger.LogDebug("Purged by the abort: {What}", Describe(key, label));
            return;
        }

        if (delivery.Error.IsError)
        {
            Stats.Failure();
            metrics?.Failed();
            logger.LogError("Delivery failed for {What}: {Reason}", Describe(key, label), delivery.Error.Reason);
            return;
        }

        Stats.Delivery(delivery.Partition.Value, latency);
        metrics?.Delivered(bytes, latency);
        if (quiet)
        {
            return;
        }

        var prefix = label is null ? "📨 Delivered" : $"📨 Delivered ({label})";
        var line = $"{prefix} | key={KeyText(key)} | partition={delivery.Partition.Value} | offset={delivery.Offset.Value} | {latency.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture)} ms";
        lock (_outputGate)
        {
            output.WriteLine(line);
        }
    }

    /// <summary>A message of <paramref name="bytes"/> value bytes was handed to librdkafka (for the metrics).</summary>
    public void Sent(int bytes) => metrics?.Sent(bytes);

    /// <summary>librdkafka refused <paramref name="outgoing"/> outright; it counts as failed.</summary>
    public void NotSent(OutgoingMessage outgoing, string reason)
    {
        Stats.Failure();
        metrics?.Failed();
        logger.LogError("Could not send {What}: {Reason}", Describe(outgoing.Key, outgoing.Label), reason);
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

    private static string Describe(byte[]? key, string? label) =>
        label is null ? $"message with key {KeyText(key)}" : $"{label} event (key {KeyText(key)})";

    private static string KeyText(byte[]? key) =>
        key is null ? "(none)" : Common.Decoding.Printable.Escape(Encoding.UTF8.GetString(key));
}
