using Confluent.Kafka;
using KafkaDemo.Common.Decoding;
using KafkaDemo.Common.Envelopes;
using KafkaDemo.Consumer.Copy;
using KafkaDemo.Consumer.DeadLetters;
using KafkaDemo.Consumer.Filters;
using KafkaDemo.Consumer.SchemaRegistry;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer.Processing;

/// <summary>
/// The path of one message through the Consumer, step by step: decode it; if it is invalid,
/// report it and hand it to the dead-letter sink; keep it only if it passes the filters;
/// write it (or, in a copy, send it to the copy's target); count it. Never throws for a payload;
/// returns false only when an invalid message could not be dead-lettered or a copy could not be
/// sent, in which case its offset must not be stored.
/// </summary>
internal sealed class MessageProcessor(
    ConsumerOptions options, RunContext run, IDeadLetterSink? deadLetters, ILogger logger, Action<ConsumedMessage>? observer, RegistryDecoders? registry = null,
    CopyTarget? copy = null)
{
    private readonly MessageFilters? _filters = MessageFilters.For(options);

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

        var passes = Passes(result, message);
        if (passes)
        {
            if (copy is null)
            {
                Write(result, message);
            }
            else if (!copy.Send(result))
            {
                return false;
            }

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
        // A copy moves bytes: what they decode to is no reason to report or hold one back.
        if (message.Decoded.Kind != PayloadKind.Invalid || copy is not null)
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
            run.Output.WriteText(format.Render(result, message, options.Encodings));
            return;
        }

        run.Output.Write(options.Output switch
        {
            OutputFormat.Jsonl => MessageEnvelopeJson.Write(ConsumeResults.ToEnvelope(result) with
            {
                KeySchema = message.KeySchema, ValueSchema = message.ValueSchema, KeyEncoding = options.Encodings.Key, ValueEncoding = options.Encodings.Value,
            }),
            OutputFormat.Raw => ShownParts.Value(result, message, options.Encodings.Value) ?? string.Empty,
            _ => ShownParts.PrettyLine(result, message, options.Encodings),
        });
    }

    private bool Passes(ConsumeResult<byte[], byte[]> result, ConsumedMessage message) => _filters is null || _filters.Passes(result.Message, message);
}
