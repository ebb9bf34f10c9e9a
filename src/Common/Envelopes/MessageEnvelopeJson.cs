using System.Buffers;
using System.Text;
using System.Text.Json;

namespace KafkaDemo.Common.Envelopes;

/// <summary>
/// Writes and reads <see cref="MessageEnvelope"/> as one JSON object per line:
/// <c>{"topic","partition","offset","timestamp","key","headers":[{"key","value"}],"value"}</c>.
/// Bytes that are valid UTF-8 are written as strings; other bytes as base64, flagged by
/// <c>"key_encoding":"base64"</c>, <c>"value_encoding":"base64"</c> or, in a header, <c>"encoding":"base64"</c>.
/// A value that is itself a one-line JSON object or array is written as JSON, verbatim, flagged by
/// <c>"value_encoding":"json"</c>, so that <c>jq .value.event_type</c> works; reading takes its raw
/// text back, so the bytes are the same to the last space.
/// </summary>
public static class MessageEnvelopeJson
{
    /// <summary>The envelope as one line of JSON, without the line break.</summary>
    public static string Write(MessageEnvelope envelope)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            WriteOptional(json, "topic", envelope.Topic);
            if (envelope.Partition is { } partition)
            {
                json.WriteNumber("partition", partition);
            }

            if (envelope.Offset is { } offset)
            {
                json.WriteNumber("offset", offset);
            }

            if (envelope.Timestamp is { } timestamp)
            {
                json.WriteNumber("timestamp", timestamp);
            }

            EnvelopeByteFields.Write(json, "key", "key_encoding", envelope.Key);
            json.WriteStartArray("headers");
            foreach (var header in envelope.Headers)
            {
                json.WriteStartObject();
                json.WriteString("key", header.Key);
                EnvelopeByteFields.Write(json, "value", "encoding", header.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            EnvelopeByteFields.WriteValue(json, "value", "value_encoding", envelope.Value);

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads one line; false with <paramref name="error"/> set when it is not an envelope.</summary>
    public static bool TryRead(string line, out MessageEnvelope? envelope, out string? error)
    {
        envelope = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "an envelope must be a JSON object";
                return false;
            }

            var headers = new List<KeyValuePair<string, byte[]?>>();
            if (root.TryGetProperty("headers", out var headerArray) && headerArray.ValueKind != JsonValueKind.Null)
            {
                if (headerArray.ValueKind != JsonValueKind.Array)
                {
                    error = "\"headers\" must be an array";
                    return false;
                }

                foreach (var header in headerArray.EnumerateArray())
                {
                    if (header.ValueKind != JsonValueKind.Object || !header.TryGetProperty("key", out var name) || name.ValueKind != JsonValueKind.String)
                    {
                        error = "each header needs a string \"key\"";
                        return false;
                    }

                    headers.Add(KeyValuePair.Create(name.GetString()!, EnvelopeByteFields.Read(header, "value", "encoding")));
                }
            }

            envelope = new MessageEnvelope(
                OptionalString(root, "topic"),
                OptionalNumber(root, "partition", e => e.GetInt32()),
                OptionalNumber(root, "offset", e => e.GetInt64()),
                OptionalNumber(root, "timestamp", e => e.GetInt64()),
                EnvelopeByteFields.Read(root, "key", "key_encoding"),
                headers,
                EnvelopeByteFields.Read(root, "value", "value_encoding"));
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            error = $"not a valid envelope: {ex.Message}";
            return false;
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static string? OptionalString(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    // Absent or null is fine; any other non-number is an error (GetInt32 and friends throw
    // InvalidOperationException or FormatException, which TryRead reports).
    private static T? OptionalNumber<T>(JsonElement owner, string name, Func<JsonElement, T> read) where T : struct =>
        owner.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? read(value) : null;
}
