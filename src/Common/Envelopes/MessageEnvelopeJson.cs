using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using KafkaDemo.Common.SchemaRegistry;

namespace KafkaDemo.Common.Envelopes;

/// <summary>
/// Writes and reads <see cref="MessageEnvelope"/> as one JSON object per line:
/// <c>{"topic","partition","offset","timestamp","key","headers":[{"key","value"}],"value"}</c>.
/// Bytes that are valid UTF-8 are written as strings; other bytes as base64, flagged by
/// <c>"key_encoding":"base64"</c>, <c>"value_encoding":"base64"</c> or, in a header, <c>"encoding":"base64"</c>.
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
    private const string Base64 = "base64";
    private const string Json = "json";

    // The envelope is one level deep already; JsonDocument reads 64 levels by default.
    private static readonly JsonReaderOptions s_embeddedValue = new() { MaxDepth = 63 };

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

            WritePart(json, "key", envelope.Key, envelope.KeySchema, embedJson: false);
            json.WriteStartArray("headers");
            foreach (var header in envelope.Headers)
            {
                json.WriteStartObject();
                json.WriteString("key", header.Key);
                WriteBytes(json, "value", "encoding", header.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WritePart(json, "value", envelope.Value, envelope.ValueSchema, embedJson: true);
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

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    // A part a registry decoded is written as its JSON, with its original bytes beside it; any
    // other part as its bytes (the value as embedded JSON where it is some), with the schema id of
    // its frame when it has one.
    private static void WritePart(Utf8JsonWriter json, string name, byte[]? bytes, RegistryData? schema, bool embedJson)
    {
        if (bytes is not null && schema?.Json is { } decoded && TryParse(decoded) is { } document)
        {
            using (document)
            {
                json.WritePropertyName(name);
                document.WriteTo(json);
            }

            json.WriteString($"{name}_encoding", schema.Encoding);
            WriteSchema(json, name, schema);
            json.WriteBase64String($"{name}_bytes", bytes);
            return;
        }

        if (embedJson && IsEmbeddableJson(bytes))
        {
            json.WritePropertyName(name);
            json.WriteRawValue(bytes, skipInputValidation: true);
            json.WriteString($"{name}_encoding", Json);
        }
        else
        {
            WriteBytes(json, name, $"{name}_encoding", bytes);
        }

        if (schema is not null)
        {
            WriteSchema(json, name, schema);
        }
    }

    private static void WriteSchema(Utf8JsonWriter json, string name, RegistryData schema)
    {
        if (schema.SchemaId is { } id)
        {
            json.WriteNumber($"{name}_schema_id", id);
        }

        if (schema.SchemaGuid is { } guid)
        {
            json.WriteString($"{name}_schema_guid", guid.ToString());
        }

        WriteOptional(json, $"{name}_subject", schema.Subject);
        if (schema.Version is { } version)
        {
            json.WriteNumber($"{name}_version", version);
        }
    }

    // Decoded JSON is re-written compactly, so that text with line breaks in it (JSON Schema data
    // is as its producer wrote it) keeps the envelope on one line.
    private static JsonDocument? TryParse(string decoded)
    {
        try
        {
            return JsonDocument.Parse(decoded, new JsonDocumentOptions { MaxDepth = s_embeddedValue.MaxDepth });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void WriteBytes(Utf8JsonWriter json, string name, string encodingName, byte[]? bytes)
    {
        if (bytes is null)
        {
            json.WriteNull(name);
        }
        else if (Utf8.IsValid(bytes))
        {
            json.WriteString(name, Encoding.UTF8.GetString(bytes));
        }
        else
        {
            json.WriteBase64String(name, bytes);
            json.WriteString(encodingName, Base64);
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
            _ => Encoding.UTF8.GetBytes(value.GetString()!),
        };
    }

    // An object or array on one line, with nothing around it, valid UTF-8 and valid JSON: written
    // verbatim it keeps the envelope on one line and its raw text reads back byte for byte.
    private static bool IsEmbeddableJson([NotNullWhen(true)] byte[]? bytes)
    {
        if (bytes is not [(byte)'{' or (byte)'[', .., (byte)'}' or (byte)']'] || bytes.AsSpan().IndexOfAny((byte)'\n', (byte)'\r') >= 0 || !Utf8.IsValid(bytes))
        {
            return false;
        }

        var reader = new Utf8JsonReader(bytes, s_embeddedValue);
        try
        {
            while (reader.Read())
            {
            }

            return reader.BytesConsumed == bytes.Length;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? OptionalString(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    // Absent or null is fine; any other non-number is an error (GetInt32 and friends throw
    // InvalidOperationException or FormatException, which TryRead reports).
    private static T? OptionalNumber<T>(JsonElement owner, string name, Func<JsonElement, T> read) where T : struct =>
        owner.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? read(value) : null;
}
