using System.Text;
using System.Text.Json;

namespace KafkaDemo.Common.Envelopes;

/// <summary>
/// Writes and reads <see cref="MessageEnvelope"/> as one JSON object per line:
/// <c>{"topic","partition","offset","timestamp","key","headers":[{"key","value"}],"value"}</c>.
/// Bytes that are valid UTF-8 are written as strings; other bytes as base64, flagged by
/// <c>"key_encoding":"base64"</c>, <c>"value_encoding":"base64"</c> or, in a header, <c>"encoding":"base64"</c>.
/// With <see cref="MessageEnvelope.KeyEncoding"/> or <see cref="MessageEnvelope.ValueEncoding"/> set
/// to hex or base64, every key or value is written so, flagged <c>"hex"</c> or <c>"base64"</c>.
/// A value that is itself a one-line JSON object or array is written as JSON, verbatim, flagged by
/// <c>"value_encoding":"json"</c>, so that <c>jq .value.event_type</c> works; reading takes its raw
/// text back, so the bytes are the same to the last space.
/// A key or value framed for a schema registry also carries <c>"key_schema_id"</c> /
/// <c>"value_schema_id"</c> (<c>…_schema_guid</c> for a GUID). Decoded by a registry, it is written
/// as its JSON, with <c>"value_encoding"</c> naming the schema's encoding (<c>avro</c>,
/// <c>json-schema</c>), <c>"value_subject"</c> and <c>"value_version"</c> where known, and its
/// original bytes in <c>"value_bytes"</c> (base64), which reading prefers: a replay sends the
/// framed bytes, not the JSON. Keys likewise.
/// </summary>
public static class MessageEnvelopeJson
{
    internal const string Base64 = "base64";
    internal const string Json = "json";

    internal const string Hex = "hex";

    /// <summary>The envelope as one line of JSON, without the line break.</summary>
    public static string Write(MessageEnvelope envelope) => MessageEnvelopeWriter.Write(envelope);

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

                    headers.Add(KeyValuePair.Create(name.GetString()!, ReadBytes(header, "value", "encoding", originalName: null)));
                }
            }

            envelope = new MessageEnvelope(
                OptionalString(root, "topic"),
                OptionalNumber(root, "partition", e => e.GetInt32()),
                OptionalNumber(root, "offset", e => e.GetInt64()),
                OptionalNumber(root, "timestamp", e => e.GetInt64()),
                ReadBytes(root, "key", "key_encoding", "key_bytes"),
                headers,
                ReadBytes(root, "value", "value_encoding", "value_bytes"));
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            error = $"not a valid envelope: {ex.Message}";
            return false;
        }
    }

    private static byte[]? ReadBytes(JsonElement owner, string name, string encodingName, string? originalName)
    {
        if (originalName is not null && owner.TryGetProperty(originalName, out var original) && original.ValueKind != JsonValueKind.Null)
        {
            return Convert.FromBase64String(original.GetString()!);
        }

        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var encoding = owner.TryGetProperty(encodingName, out var flag) ? flag.GetString() : null;
        return encoding switch
        {
            // The value's own text, exactly as it stood in the line.
            Json => Encoding.UTF8.GetBytes(value.GetRawText()),
            Base64 => Convert.FromBase64String(value.GetString()!),
            Hex => Convert.FromHexString(value.GetString()!),
            _ => Encoding.UTF8.GetBytes(value.GetString()!),
        };
    }

    private static string? OptionalString(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    // Absent or null is fine; any other non-number is an error (GetInt32 and friends throw
    // InvalidOperationException or FormatException, which TryRead reports).
    private static T? OptionalNumber<T>(JsonElement owner, string name, Func<JsonElement, T> read) where T : struct =>
        owner.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? read(value) : null;
}
