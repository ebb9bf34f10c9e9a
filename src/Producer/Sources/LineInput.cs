using KafkaDemo.Common.Encodings;
using KafkaDemo.Common.Envelopes;
using KafkaDemo.Producer.Keys;
using KafkaDemo.Producer.SchemaRegistry;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Producer.Sources;

/// <summary>
/// Messages read from a text reader, one per line: plain lines (optionally <c>key{separator}value</c>,
/// after headers with <see cref="ProducerOptions.LineHeaders"/>, key and value read in
/// <see cref="ProducerOptions.Encodings"/>) or JSON envelopes. A line that cannot be read, or whose key or value does not fit the run's
/// schema (<see cref="ProducerOptions.Encoders"/>), is reported with its number and skipped.
/// </summary>
public sealed class LineInput(TextReader reader, ProducerOptions options, ILogger logger) : IMessageSource
{
    private readonly Lock _gate = new();
    private long _lineNumber;
    private long _rejected;

    /// <inheritdoc />
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <inheritdoc />
    public bool TryNext(out OutgoingMessage message)
    {
        while (true)
        {
            string? line;
            long lineNumber;
            lock (_gate)
            {
                line = reader.ReadLine();
                lineNumber = ++_lineNumber;
            }

            if (line is null)
            {
                message = null!;
                return false;
            }

            var parsed = options.InputFormat == InputFormat.Jsonl ? FromEnvelope(line, lineNumber) : FromLine(line, lineNumber);
            if (parsed is not null)
            {
                message = parsed;
                return true;
            }
        }
    }

    private OutgoingMessage? FromLine(string line, long lineNumber)
    {
        IReadOnlyList<KeyValuePair<string, byte[]?>> headers = [];
        if (options.LineHeaders is { } headerFormat && !LineHeaders.TrySplit(line, headerFormat, options.NullMarker, out headers, out line, out var headerError))
        {
            return Reject(lineNumber, headerError!);
        }

        byte[]? key;
        string? keyText = null;
        var value = line;
        var separatorAt = options.KeySeparator is { Length: > 0 } separator ? line.IndexOf(separator, StringComparison.Ordinal) : -1;
        if (separatorAt >= 0)
        {
            keyText = line[..separatorAt];
            if (!ByteEncodings.TryDecode(keyText, options.Encodings.Key, out key, out var keyError))
            {
                return Reject(lineNumber, $"key: {keyError}");
            }

            value = line[(separatorAt + options.KeySeparator!.Length)..];
        }
        else
        {
            key = MessageKeys.For(options.KeyStrategy, options.FixedKey, eventType: null);
        }

        var tombstone = options.NullMarker is { } marker && (value == marker || (separatorAt >= 0 && value.Length == 0));
        if (options.Encoders is { } encoders)
        {
            string? error = null;
            if (encoders.Key is { } keyEncoder && key is not null && !SchemaKeys.TryEncode(keyEncoder, keyText, key, out key, out error))
            {
                return Reject(lineNumber, $"key: {error}");
            }

            if (encoders.Value is { } valueEncoder && !tombstone)
            {
                return valueEncoder.TryEncode(value, out var framed, out error)
                    ? new OutgoingMessage(key, framed, headers, options.Partition, null, null, lineNumber)
                    : Reject(lineNumber, $"value does not fit schema {valueEncoder.SchemaId} ({valueEncoder.Subject}): {error}");
            }
        }

        if (tombstone)
        {
            return new OutgoingMessage(key, null, headers, options.Partition, null, "tombstone", lineNumber);
        }

        return ByteEncodings.TryDecode(value, options.Encodings.Value, out var bytes, out var valueError)
            ? new OutgoingMessage(key, bytes, headers, options.Partition, null, null, lineNumber)
            : Reject(lineNumber, $"value: {valueError}");
    }

    private OutgoingMessage? Reject(long lineNumber, string reason)
    {
        Interlocked.Increment(ref _rejected);
        logger.LogError("Input line {Line} skipped: {Reason}", lineNumber, reason);
        return null;
    }

    private OutgoingMessage? FromEnvelope(string line, long lineNumber)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        if (!MessageEnvelopeJson.TryRead(line, out var envelope, out var error))
        {
            return Reject(lineNumber, error!);
        }

        var partition = options.Partition ?? (options.KeepPartitions ? envelope!.Partition : null);
        return new OutgoingMessage(envelope!.Key, envelope.Value, envelope.Headers, partition, envelope.Timestamp, null, lineNumber);
    }
}
