using Confluent.Kafka;
using KafkaDemo.Common.Decoding;
using KafkaDemo.Common.Envelopes;
using KafkaDemo.Consumer.DeadLetters;
using KafkaDemo.Consumer.SchemaRegistry;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer.Processing;

/// <summary>
/// The path of one message through the Consumer, step by step: decode it; if it is invalid,
/// report it and hand it to the dead-letter sink; keep it only if it passes the event-type filter;
/// write it; count it. Never throws for a payload; returns false only when an invalid message
/// could not be dead-lettered, in which case its offset must not be stored.
/// </summary>
internal sealed class MessageProcessor(
    ConsumerOptions options, RunContext run, IDeadLetterSink? deadLetters, ILogger logger, Action<ConsumedMessage>? observer, RegistryDecoders? registry = null)
{
    public bool Handle(ConsumeResult<byte[], byte[]> result) => Handle(result, out _);

    /// <summary>Handles <paramref name="result"/>; <paramref name="shown"/> is the decoded message when it passed the filter and was written.</summary>
    public bool Handle(ConsumeResult<byte[], byte[]> result, out ConsumedMessage? shown)
    {
        // The message's process span, continuing its producer's trace; null unless traces are recorded.
        using var span = Clients.Telemetry.MessagingSpans.StartProcess(result, options.GroupId);
        shown = null;
        var message = ConsumeResults.Decode(result, registry);
        if (!TryDeadLetter(result, message, out var deadLettered))
        {
            return false;
        }

        var passes = Passes(message.Decoded);
        if (passes)
        {
            Write(result, message);
            observer?.Invoke(message);
            shown = message;
        }

        run.Stats.Handled(message.Topic, message.Partition, message.Decoded, passes, deadLettered);
        return true;
    }

    // An invalid message is reported with its coordinates, and sent to the DLQ when there is one.
    private bool TryDeadLetter(ConsumeResult<byte[], byte[]> result, ConsumedMessage message, out bool deadLettered)
    {
        deadLettered = false;
        if (message.Decoded.Kind != PayloadKind.Invalid)
        {
            return true;
        }

        logger.LogWarning("Invalid message at {Topic}[{Partition}]@{Offset} (key {Key}): {Reason}{Dlq}",
            message.Topic, message.Partition, message.Offset, message.ShownKey is not { } key ? "(none)" : Printable.Escape(key), message.Decoded.Error,
            deadLetters is null ? string.Empty : $"; sending it to {deadLetters.Topic}");
        if (deadLetters is null)
        {
            return true;
        }

        deadLettered = deadLetters.TrySend(result, message.Decoded.Error!);
        return deadLettered;
    }

    private void Write(ConsumeResult<byte[], byte[]> result, ConsumedMessage message)
    {
        if (options.Format is { } format)
        {
            run.Output.WriteText(format.Render(result, message));
            return;
        }

        run.Output.Write(options.Output switch
        {
            OutputFormat.Jsonl => MessageEnvelopeJson.Write(ConsumeResults.ToEnvelope(result) with { KeySchema = message.KeySchema, ValueSchema = message.ValueSchema }),
            OutputFormat.Raw => message.ValueSchema?.Json ?? (result.Message.Value is { } value ? System.Text.Encoding.UTF8.GetString(value) : string.Empty),
            _ => MessageLine.Format(message),
        });
    }

    private bool Passes(DecodedMessage decoded) => options.EventType is null || decoded.EventType == options.EventType;
}
