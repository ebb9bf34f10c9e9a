using System.Diagnostics;
using System.Text.Json;
using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Common;
using KafkaDemo.Common.Events;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Producer;

/// <summary>
/// Sends the demo's note events, keyed by event type, and reports each delivery on its output
/// (stdout in the app) while diagnostics go to the logger (stderr).
/// </summary>
public sealed class NoteProducer(ProducerOptions options, TextWriter output, ILogger logger)
{
    private static readonly byte[] s_jsonContentType = System.Text.Encoding.UTF8.GetBytes(ContentTypes.Json);
    private static readonly TimeSpan s_queueFullBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_shutdownFlushLimit = TimeSpan.FromSeconds(10);

    private readonly Lock _outputGate = new();
    private long _delivered;
    private readonly ClientErrors _errors = new(logger, "producer");

    /// <summary>Produces until the count is reached or <paramref name="cancellationToken"/> fires, then flushes.</summary>
    public Task<ProduceSummary> RunAsync(CancellationToken cancellationToken) => Task.FromResult(Run(cancellationToken));

    private ProduceSummary Run(CancellationToken cancellationToken)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = options.BootstrapServers,
            // A message counts as delivered only once every in-sync replica has it.
            Acks = Acks.All,
            // Retries after a lost response cannot write a message twice or out of order.
            EnableIdempotence = true,
            // Bounds how long a message may stay unacknowledged, so an unreachable broker ends in
            // reported failures instead of librdkafka's default five minutes of silence.
            MessageTimeoutMs = (int)options.DeliveryTimeout.TotalMilliseconds,
            // The report line needs the key and the outcome; partition and offset always come back.
            DeliveryReportFields = "key,status",
        };

        using var producer = new ProducerBuilder<string, byte[]>(config)
            .SetErrorHandler((_, error) => _errors.Report(error))
            .SetLogHandler((_, message) => ConsoleLogging.Forward(logger, message))
            .Build();

        var clock = Stopwatch.StartNew();
        long sent = 0;
        for (var id = 1; options.Count == 0 || id <= options.Count; id++)
        {
            if (cancellationToken.IsCancellationRequested || _errors.Fatal)
            {
                break;
            }

            var note = NoteEventFactory.Create(id);
            var message = new Message<string, byte[]>
            {
                Key = note.EventType,
                Value = JsonSerializer.SerializeToUtf8Bytes(note, NoteEventJsonContext.Default.NoteEvent),
                Headers = [new Header(ContentTypes.HeaderName, s_jsonContentType)],
            };

            if (TryProduce(producer, message, note, cancellationToken))
            {
                sent++;
            }
        }

        var flushLimit = cancellationToken.IsCancellationRequested || _errors.Fatal
            ? s_shutdownFlushLimit
            : options.DeliveryTimeout + TimeSpan.FromSeconds(5);
        var stillQueued = producer.Flush(flushLimit);
        if (stillQueued > 0)
        {
            logger.LogError("{Count} messages were still unacknowledged after waiting {Limit}; they count as failed",
                stillQueued, Durations.Format(flushLimit));
        }

        var delivered = Interlocked.Read(ref _delivered);
        var summary = new ProduceSummary(sent, delivered, sent - delivered, _errors.Fatal);
        logger.LogInformation("Sent {Sent}, delivered {Delivered}, failed {Failed} in {Seconds:F2} s",
            summary.Sent, summary.Delivered, summary.Failed, clock.Elapsed.TotalSeconds);
        return summary;
    }

    // Local_QueueFull means librdkafka's buffer is full: serve delivery reports and try again, never drop.
    private bool TryProduce(IProducer<string, byte[]> producer, Message<string, byte[]> message, NoteEvent note, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                producer.Produce(options.Topic, message, report => OnDelivery(report, note, started));
                return true;
            }
            catch (ProduceException<string, byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return false;
                }

                producer.Poll(s_queueFullBackoff);
            }
            catch (ProduceException<string, byte[]> ex)
            {
                logger.LogError("Could not send event {Id} (key {Key}): {Reason}", note.Id, note.EventType, ex.Error.Reason);
                return true;
            }
        }
    }

    private void OnDelivery(DeliveryReport<string, byte[]> report, NoteEvent note, long started)
    {
        var latency = Stopwatch.GetElapsedTime(started);
        if (report.Error.IsError)
        {
            logger.LogError("Delivery failed for event {Id} (key {Key}): {Reason}", note.Id, report.Key, report.Error.Reason);
            return;
        }

        Interlocked.Increment(ref _delivered);
        lock (_outputGate)
        {
            output.WriteLine(
                $"📨 Delivered ({note.EventType}) | key={report.Key} | partition={report.Partition.Value} | offset={report.Offset.Value} | {latency.TotalMilliseconds:F1} ms");
        }
    }
}
