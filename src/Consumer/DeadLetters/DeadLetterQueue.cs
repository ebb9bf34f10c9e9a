using System.Diagnostics;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Clients.Telemetry;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer.DeadLetters;

/// <summary>
/// Forwards messages that failed decoding or validation to a dead-letter topic: original key,
/// value, headers and timestamp, plus headers naming the error and where the message came from.
/// A send is confirmed before it returns, so the source offset is stored only once the DLQ has it.
/// While traces are recorded, the send is a span (a child of the message's process span, linked to
/// the message's creation context) and the dead letter's trace headers name that span.
/// </summary>
public sealed class DeadLetterQueue : IDeadLetterSink, IDisposable
{
    /// <summary>Header carrying the reason the message was rejected.</summary>
    public const string ErrorHeader = "dlq.error";

    /// <summary>Header carrying the source topic.</summary>
    public const string TopicHeader = "dlq.source.topic";

    /// <summary>Header carrying the source partition.</summary>
    public const string PartitionHeader = "dlq.source.partition";

    /// <summary>Header carrying the source offset.</summary>
    public const string OffsetHeader = "dlq.source.offset";

    private readonly IProducer<byte[], byte[]> _producer;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;

    /// <summary>A DLQ writing to <paramref name="topic"/> with the connection settings in <paramref name="settings"/>.</summary>
    public DeadLetterQueue(string topic, string bootstrapServers, IReadOnlyDictionary<string, string> settings, TimeSpan timeout, ILogger logger)
    {
        Topic = topic;
        _timeout = timeout;
        _logger = logger;
        var config = new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            // A rejected message must not be lost on its way to the DLQ, nor written there twice.
            Acks = Acks.All,
            EnableIdempotence = true,
            MessageTimeoutMs = (int)timeout.TotalMilliseconds,
            // Each send waits for its own report, so the sending thread serves it (Flush below)
            // and no background poll thread exists: closing one waits for its current 100 ms turn.
            EnableBackgroundPoll = false,
        };
        foreach (var (name, value) in settings)
        {
            config.Set(name, value);
        }

        _producer = SideProducer.Build(config, logger);
    }

    /// <inheritdoc />
    public string Topic { get; }

    /// <summary>Sends <paramref name="source"/> with <paramref name="reason"/>; false (and logged) when the DLQ did not confirm it.</summary>
    public bool TrySend(ConsumeResult<byte[], byte[]> source, string reason)
    {
        var headers = new Headers();
        foreach (var header in source.Message.Headers ?? [])
        {
            headers.Add(header.Key, header.GetValueBytes());
        }

        headers.Add(ErrorHeader, Encoding.UTF8.GetBytes(reason));
        headers.Add(TopicHeader, Encoding.UTF8.GetBytes(source.Topic));
        headers.Add(PartitionHeader, Encoding.UTF8.GetBytes(source.Partition.Value.ToString(CultureInfo.InvariantCulture)));
        headers.Add(OffsetHeader, Encoding.UTF8.GetBytes(source.Offset.Value.ToString(CultureInfo.InvariantCulture)));

        using var span = MessagingSpans.StartForward(Topic, source);
        var message = new Message<byte[], byte[]>
        {
            Key = source.Message.Key,
            Value = source.Message.Value,
            Headers = span is null ? headers : TraceHeaders.With(headers, span),
            Timestamp = new Timestamp(source.Message.Timestamp.UnixTimestampMs, TimestampType.CreateTime),
        };

        try
        {
            var sending = _producer.ProduceAsync(Topic, message);
            // Flush polls on this thread until the report has come (or the message timed out),
            // which completes the send; a flush cut short leaves it pending, and the wait below fails.
            _producer.Flush(_timeout + TimeSpan.FromSeconds(5));
            var result = sending.WaitAsync(TimeSpan.FromSeconds(1)).GetAwaiter().GetResult();
            span?.SetTag(MessagingAttributes.Partition, result.Partition.Value.ToString(CultureInfo.InvariantCulture)).SetTag(MessagingAttributes.Offset, result.Offset.Value);
            return result.Status == PersistenceStatus.Persisted;
        }
        catch (Exception ex) when (ex is ProduceException<byte[], byte[]> or TimeoutException or KafkaException)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            _logger.LogError("Could not send {Topic}[{Partition}]@{Offset} to the DLQ {Dlq}: {Reason}",
                source.Topic, source.Partition.Value, source.Offset.Value, Topic, ex.Message);
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _producer.Flush(_timeout);
        _producer.Dispose();
    }
}
