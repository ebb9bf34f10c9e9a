using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using KafkaDemo.Common.Encodings;
using KafkaDemo.Common.SchemaRegistry;

namespace KafkaDemo.Common.Envelopes;

/// <summary>The writing half of <see cref="MessageEnvelopeJson"/>, which says what a line holds.</summary>
internal static class MessageEnvelopeWriter
{
    private const string Base64 = MessageEnvelopeJson.Base64;

    private const string Json = MessageEnvelopeJson.Json;

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

            WritePart(json, "key", envelope.Key, envelope.KeySchema, envelope.KeyEncoding, embedJson: false);
            json.WriteStartArray("headers");
            foreach (var header in envelope.Headers)
            {
                json.WriteStartObject();
                json.WriteString("key", header.Key);
                WriteBytes(json, "value", "encoding", header.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WritePart(json, "value", envelope.Value, envelope.ValueSchema, envelope.ValueEncoding, embedJson: true);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    // A part a registry decoded is written as its JSON, with its original bytes beside it; any
    // other part as its bytes (in the encoding asked for, or as text: the value as embedded JSON
    // where it is some), with the schema id of its frame when it has one.
    private static void WritePart(Utf8JsonWriter json, string name, byte[]? bytes, RegistryData? schema, ByteEncoding encoding, bool embedJson)
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

        if (encoding != ByteEncoding.Text && bytes is not null)
        {
            json.WriteString(name, ByteEncodings.Encode(bytes, encoding));
            json.WriteString($"{name}_encoding", ByteEncodings.Name(encoding));
        }
        else if (embedJson && IsEmbeddableJson(bytes))
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
}
