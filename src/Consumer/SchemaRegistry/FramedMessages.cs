using System.Text;
using Confluent.Kafka;
using KafkaDemo.Common.Decoding;
using KafkaDemo.Common.SchemaRegistry;

namespace KafkaDemo.Consumer.SchemaRegistry;

/// <summary>
/// The decode step for a message whose key or value may be framed for a schema registry: without a
/// registry the frame's schema id is read and shown, nothing more; with one, the data is decoded to
/// JSON, and a frame that cannot be (an unknown id, a registry that did not answer, data that does
/// not match its schema, a frame cut short) makes the message invalid, with the reason.
/// </summary>
internal static class FramedMessages
{
    /// <summary>
    /// <paramref name="result"/> as a message: its value decoded as <paramref name="decoded"/> says
    /// unless the registry decodes it, with the schema of each framed part.
    /// </summary>
    public static ConsumedMessage Read(ConsumeResult<byte[], byte[]> result, DecodedMessage decoded, byte[]? keyHeader, byte[]? valueHeader, RegistryDecoders? registry)
    {
        var (keySchema, keyError) = Part(result.Topic, isKey: true, result.Message.Key, keyHeader, registry);
        var (valueSchema, valueError) = Part(result.Topic, isKey: false, result.Message.Value, valueHeader, registry);
        if (valueSchema?.Json is { } json)
        {
            // Shown as the registry decoded it; its event_type, if it has one, still counts for --event-type.
            decoded = new DecodedMessage(PayloadKind.Plain, json, EventType: EventTypeReader.Of(Encoding.UTF8.GetBytes(json)));
        }

        var error = (keyError, valueError) switch
        {
            (null, null) => null,
            ({ } key, null) => $"key: {key}",
            (null, { } value) => value,
            var (key, value) => $"{value}; key: {key}",
        };
        if (error is not null)
        {
            decoded = new DecodedMessage(PayloadKind.Invalid, decoded.Text, Error: error, IsValidUtf8: decoded.IsValidUtf8);
        }

        return ConsumedMessage.From(result, decoded, keySchema, valueSchema);
    }

    private static (RegistryData? Schema, string? Error) Part(string topic, bool isKey, byte[]? data, byte[]? header, RegistryDecoders? registry)
    {
        if (data is null)
        {
            return (null, null);
        }

        if (registry is null)
        {
            return (RegistryData.Of(SchemaFrameReader.Read(data, header)), null);
        }

        var decoded = registry.Decode(topic, isKey, data, header);
        var schema = decoded.SchemaId is null && decoded.SchemaGuid is null
            ? null
            : new RegistryData(decoded.SchemaId, decoded.SchemaGuid, decoded.Encoding, decoded.Subject, decoded.Version, decoded.Json);
        return decoded.Status switch
        {
            RegistryDecodeStatus.NotFramed => (null, null),
            RegistryDecodeStatus.Decoded => (schema, null),
            _ => (schema, decoded.Error),
        };
    }
}
