using System.Text;
using Confluent.Kafka;
using KafkaDemo.Common;
using KafkaDemo.Common.Decoding;
using KafkaDemo.Common.Envelopes;
using KafkaDemo.Common.SchemaRegistry;
using KafkaDemo.Consumer.SchemaRegistry;

namespace KafkaDemo.Consumer.Processing;

/// <summary>The decode step: what a raw <see cref="ConsumeResult{TKey, TValue}"/> becomes before it is shown.</summary>
public static class ConsumeResults
{
    /// <summary>
    /// The message with its key and headers as text and its value decoded by the content-type
    /// header when there is one (the first, matched without regard to case), by its shape otherwise;
    /// a key or value framed for a schema registry is labelled with its schema id.
    /// </summary>
    public static ConsumedMessage Decode(ConsumeResult<byte[], byte[]> result) => Decode(result, null);

    /// <summary>As <see cref="Decode(ConsumeResult{byte[], byte[]})"/>, decoding framed keys and values with <paramref name="registry"/> when given.</summary>
    internal static ConsumedMessage Decode(ConsumeResult<byte[], byte[]> result, RegistryDecoders? registry)
    {
        ReadOnlySpan<byte> contentType = default;
        var contentTypeSeen = false;
        byte[]? keySchemaHeader = null;
        byte[]? valueSchemaHeader = null;
        if (result.Message.Headers is { } headers)
        {
            // By index, only for speed: the enumerator would be one more object per message. A
            // foreach would do as well if that allocation stopped showing in the Consumer's profile.
            for (var i = 0; i < headers.Count; i++)
            {
                var name = headers[i].Key;
                if (!contentTypeSeen && ContentTypes.IsHeaderName(name))
                {
                    contentType = headers[i].GetValueBytes();
                    contentTypeSeen = true;
                }
                else if (name == SchemaFrameReader.KeySchemaIdHeader)
                {
                    keySchemaHeader = headers[i].GetValueBytes();
                }
                else if (name == SchemaFrameReader.ValueSchemaIdHeader)
                {
                    valueSchemaHeader = headers[i].GetValueBytes();
                }
            }
        }

        var decoded = MessageDecoder.DecodeWithHeader(result.Message.Value, contentType);
        // One byte each: a key and value that do not start with the magic byte, and no schema-id
        // header, never reach the registry's code.
        return keySchemaHeader is null && valueSchemaHeader is null && !MayBeFramed(result.Message.Key) && !MayBeFramed(result.Message.Value)
            ? ConsumedMessage.From(result, decoded)
            : FramedMessages.Read(result, decoded, keySchemaHeader, valueSchemaHeader, registry);
    }

    private static bool MayBeFramed(byte[]? data) => data is [SchemaFrameReader.IdMagicByte, ..];

    /// <summary>The message byte for byte, as <c>--output jsonl</c> writes it and the Producer replays it.</summary>
    public static MessageEnvelope ToEnvelope(ConsumeResult<byte[], byte[]> result) => new(
        result.Topic,
        result.Partition.Value,
        result.Offset.Value,
        result.Message.Timestamp.Type == TimestampType.NotAvailable ? null : result.Message.Timestamp.UnixTimestampMs,
        result.Message.Key,
        [.. (result.Message.Headers ?? []).Select(h => KeyValuePair.Create<string, byte[]?>(h.Key, h.GetValueBytes()))],
        result.Message.Value);
}
