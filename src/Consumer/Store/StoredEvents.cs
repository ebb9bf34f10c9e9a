using System.Text.Json;
using Confluent.Kafka;
using KafkaDemo.Common.Decoding;

namespace KafkaDemo.Consumer.Store;

/// <summary>What of a handled message goes into the store.</summary>
public static class StoredEvents
{
    /// <summary>
    /// The row for <paramref name="message"/>, read at <paramref name="result"/>; null for what is
    /// not stored (invalid messages and tombstones), whose offsets still advance.
    /// </summary>
    public static StoredEvent? From(ConsumeResult<byte[], byte[]> result, ConsumedMessage message, DateTimeOffset consumedAt)
    {
        var decoded = message.Decoded;
        if (decoded.Kind is PayloadKind.Invalid or PayloadKind.Tombstone)
        {
            return null;
        }

        var (noteId, text) = decoded.Kind is PayloadKind.Json or PayloadKind.Protobuf ? IdAndText(decoded.Text) : (null, decoded.Text);
        return new StoredEvent(message.Topic, message.Partition, message.Offset, message.Key, decoded.EventType, noteId, text,
            result.Message.Timestamp.UnixTimestampMs, HeadersJson(message.Headers), consumedAt);
    }

    // An event's JSON (or a protobuf event's JSON rendering) is already known to be well formed.
    private static (long? Id, string? Text) IdAndText(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MessageDecoder.MaxJsonDepth });
        var root = document.RootElement;
        long? id = root.TryGetProperty("id", out var idElement) && idElement.TryGetInt64(out var number) ? number : null;
        string? text = root.TryGetProperty("text", out var textElement) && textElement.ValueKind == JsonValueKind.String ? textElement.GetString() : null;
        return (id, text);
    }

    private static string HeadersJson(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var (key, value) in headers)
            {
                writer.WriteStartObject();
                writer.WriteString("key", key);
                writer.WriteString("value", value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
