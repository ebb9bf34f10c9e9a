using System.Text;
using Confluent.Kafka;
using KafkaDemo.Common;
using KafkaDemo.Common.Decoding;
using KafkaDemo.Common.Envelopes;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer;

/// <summary>
/// Handles one message: decode, dead-letter it if it is invalid, apply the filter, write it, count
/// it. Never throws for a payload; returns false only when an invalid message could not be
/// dead-lettered, in which case its offset must not be stored.
/// </summary>
internal sealed class MessageProcessor(ConsumerOptions options, RunContext run, DeadLetterQueue? deadLetters, ILogger logger, Action<ConsumedMessage>? observer)
{
    public bool Handle(ConsumeResult<byte[], byte[]> result)
    {
        var message = ToConsumedMessage(result);
        var decoded = message.Decoded;

        var deadLettered = false;
        if (decoded.Kind == PayloadKind.Invalid)
        {
            logger.LogWarning("Invalid message at {Topic}[{Partition}]@{Offset} (key {Key}): {Reason}{Dlq}",
                message.Topic, message.Partition, message.Offset, message.Key is null ? "(none)" : Printable.Escape(message.Key), decoded.Error,
                deadLetters is null ? string.Empty : $"; sending it to {options.DeadLetterTopic}");
            if (deadLetters is not null)
            {
                if (!deadLetters.TrySend(result, decoded.Error!))
                {
                    return false;
                }

                deadLettered = true;
            }
        }

        var shown = options.EventType is null || decoded.EventType == options.EventType;
        if (shown)
        {
            run.Write(options.Output == OutputFormat.Jsonl ? MessageEnvelopeJson.Write(ToEnvelope(result)) : MessageLine.Format(message));
            observer?.Invoke(message);
        }

        run.Stats.Handled(message.Topic, message.Partition, decoded, shown, deadLettered);
        return true;
    }

    private static ConsumedMessage ToConsumedMessage(ConsumeResult<byte[], byte[]> result)
    {
        var raw = result.Message.Headers;
        var count = raw?.Count ?? 0;
        var headers = new List<KeyValuePair<string, string>>(count);
        string? contentType = null;
        for (var i = 0; i < count; i++)
        {
            var header = raw![i];
            var text = header.GetValueBytes() is { } bytes ? Encoding.UTF8.GetString(bytes) : string.Empty;
            headers.Add(KeyValuePair.Create(header.Key, text));
            if (contentType is null && header.Key.Equals(ContentTypes.HeaderName, StringComparison.OrdinalIgnoreCase))
            {
                contentType = text;
            }
        }

        var key = result.Message.Key is { } keyBytes ? Encoding.UTF8.GetString(keyBytes) : null;
        return new ConsumedMessage(
            result.Topic, result.Partition.Value, result.Offset.Value, key,
            MessageDecoder.Decode(result.Message.Value, contentType), headers);
    }

    private static MessageEnvelope ToEnvelope(ConsumeResult<byte[], byte[]> result) => new(
        result.Topic,
        result.Partition.Value,
        result.Offset.Value,
        result.Message.Timestamp.Type == TimestampType.NotAvailable ? null : result.Message.Timestamp.UnixTimestampMs,
        result.Message.Key,
        [.. (result.Message.Headers ?? []).Select(h => KeyValuePair.Create<string, byte[]?>(h.Key, h.GetValueBytes()))],
        result.Message.Value);
}
