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

        var (noteId, text) = decoded.Kind switch
        {
            // The value's bytes are the event's JSON: read them where they are, no string made.
            PayloadKind.Json when result.Message.Value is { } json => IdAndText(json),
            PayloadKind.Json or PayloadKind.Protobuf => IdAndText(System.Text.Encoding.UTF8.GetBytes(decoded.Text)),
            _ => (null, decoded.Text),
        };
        return new StoredEvent(message.Topic, message.Partition, message.Offset, message.Key, decoded.EventType, noteId, text,
            result.Message.Timestamp.UnixTimestampMs, HeadersJson(message.Headers), consumedAt);
    }

    // An event's JSON (or a protobuf event's JSON rendering) is already known to be well formed:
    // only the top level's "id" and "text" are read, the last of each when repeated (as
    // JsonDocument's lookup would), everything else skipped.
    private static (long? Id, string? Text) IdAndText(ReadOnlySpan<byte> json)
    {
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MessageDecoder.MaxJsonDepth });
        (long? id, string? text) = (null, null);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return (id, text);
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("id"u8);
            var isText = !isId && reader.ValueTextEquals("text"u8);
            reader.Read();
            if (isId)
            {
                id = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number) ? number : null;
            }
            else if (isText)
            {
                text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return (id, text);
    }

    // Runs of messages mostly carry the same headers (a content-type): the last list's JSON is
    // kept per thread and reused when the next list is equal.
    [ThreadStatic]
    private static (IReadOnlyList<KeyValuePair<string, string>> Headers, string Json)? t_lastHeaders;

    private static string HeadersJson(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        if (t_lastHeaders is { } last && last.Headers.SequenceEqual(headers))
        {
            return last.Json;
        }

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

        var json = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        t_lastHeaders = ([.. headers], json);
        return json;
    }
}
