using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace KafkaDemo.Common.Envelopes;

/// <summary>
/// How an envelope line holds bytes (a key, a value, a header value): valid UTF-8 as a string,
/// anything else as base64 flagged by an encoding field set to <c>base64</c>; a value that is
/// itself a one-line JSON object or array as JSON, verbatim, flagged <c>json</c>.
/// </summary>
internal static class EnvelopeByteFields
{
    private const string Base64 = "base64";
    private const string Json = "json";

    // The envelope is one level deep already; JsonDocument reads 64 levels by default.
    private static readonly JsonReaderOptions s_embeddedValue = new() { MaxDepth = 63 };

    /// <summary>Writes <paramref name="bytes"/> as <paramref name="name"/> (null for null), flagged in <paramref name="encodingName"/> when base64.</summary>
    public static void Write(Utf8JsonWriter json, string name, string encodingName, byte[]? bytes)
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

    /// <summary>Writes a value as embedded JSON when it is a one-line object or array, otherwise as <see cref="Write"/> does.</summary>
    public static void WriteValue(Utf8JsonWriter json, string name, string encodingName, byte[]? bytes)
    {
        if (IsEmbeddableJson(bytes))
        {
            json.WritePropertyName(name);
            json.WriteRawValue(bytes, skipInputValidation: true);
            json.WriteString(encodingName, Json);
        }
        else
        {
            Write(json, name, encodingName, bytes);
        }
    }

    /// <summary>The bytes of <paramref name="name"/> in <paramref name="owner"/>, read as its <paramref name="encodingName"/> says; null when absent or null.</summary>
    public static byte[]? Read(JsonElement owner, string name, string encodingName)
    {
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
}
