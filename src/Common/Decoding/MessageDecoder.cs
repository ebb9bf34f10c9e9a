using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using KafkaDemo.Common.Events;

namespace KafkaDemo.Common.Decoding;

/// <summary>
/// Classifies a message value as a note event, plain text, a tombstone or an invalid event.
/// The <c>content-type</c> header decides first (JSON, plain text, protobuf NoteEvent); without
/// one, a JSON object is taken as an event and anything else as text. No input makes it throw.
/// </summary>
public static class MessageDecoder
{
    /// <summary>Deepest JSON nesting accepted before a value is rejected.</summary>
    public const int MaxJsonDepth = 64;

    private static readonly (string Name, byte[] Utf8)[] s_knownContentTypes =
        [.. new[] { ContentTypes.Json, ContentTypes.PlainText, ContentTypes.Protobuf }.Select(type => (type, Encoding.UTF8.GetBytes(type)))];

    /// <summary>Decodes <paramref name="value"/> (null for a tombstone) given its content type, if any.</summary>
    public static DecodedMessage Decode(byte[]? value, string? contentType) =>
        DecodeWithHeader(value, contentType is null ? default : Encoding.UTF8.GetBytes(contentType));

    /// <summary>
    /// Decodes <paramref name="value"/> given the bytes of its <c>content-type</c> header as they
    /// came (empty when there is none), without making a string of them.
    /// </summary>
    public static DecodedMessage DecodeWithHeader(byte[]? value, ReadOnlySpan<byte> contentType)
    {
        if (value is null)
        {
            return new DecodedMessage(PayloadKind.Tombstone, string.Empty);
        }

        var validUtf8 = Utf8.IsValid(value);
        return NormaliseContentType(contentType) switch
        {
            ContentTypes.Json => DecodeJson(value, validUtf8, declared: true),
            ContentTypes.PlainText => DecodedMessage.FromBytes(PayloadKind.Plain, value, isValidUtf8: validUtf8),
            ContentTypes.Protobuf => DecodeProtobuf(value, validUtf8),
            _ when LooksLikeJsonObject(value) => DecodeJson(value, validUtf8, declared: false),
            _ => DecodedMessage.FromBytes(PayloadKind.Plain, value, isValidUtf8: validUtf8),
        };
    }

    // The text of a protobuf event is its JSON rendering: readable, and what --output jsonl keeps
    // is still the original bytes.
    private static DecodedMessage DecodeProtobuf(byte[] value, bool validUtf8)
    {
        if (!NoteEventProtobuf.TryDecode(value, out var note, out var error))
        {
            return new DecodedMessage(PayloadKind.Invalid, Convert.ToHexString(value), Error: error, IsValidUtf8: validUtf8);
        }

        if (string.IsNullOrWhiteSpace(note!.EventType))
        {
            return new DecodedMessage(PayloadKind.Invalid, JsonSerializer.Serialize(note, NoteEventJsonContext.Default.NoteEvent), Error: "event_type is empty");
        }

        return new DecodedMessage(PayloadKind.Protobuf, JsonSerializer.Serialize(note, NoteEventJsonContext.Default.NoteEvent), EventType: note.EventType);
    }

    // The media type without parameters ("application/json; charset=utf-8") and the spaces around
    // it, as one of the known constants, compared without regard to ASCII case (media types are
    // ASCII tokens); null for none or an unknown one.
    private static string? NormaliseContentType(ReadOnlySpan<byte> contentType)
    {
        var semicolon = contentType.IndexOf((byte)';');
        var mediaType = semicolon < 0 ? contentType : contentType[..semicolon];
        mediaType = mediaType[Ascii.Trim(mediaType)];
        foreach (var (name, utf8) in s_knownContentTypes)
        {
            if (Ascii.EqualsIgnoreCase(mediaType, utf8))
            {
                return name;
            }
        }

        return null;
    }

    private static bool LooksLikeJsonObject(ReadOnlySpan<byte> value)
    {
        var trimmed = value.TrimStart(" \t\r\n"u8);
        if (trimmed.StartsWith(Encoding.UTF8.Preamble))
        {
            trimmed = trimmed[Encoding.UTF8.Preamble.Length..];
        }

        return !trimmed.IsEmpty && trimmed[0] == (byte)'{';
    }

    private static DecodedMessage DecodeJson(byte[] value, bool validUtf8, bool declared)
    {
        if (!validUtf8)
        {
            return Rejected(declared, value, "value is not valid UTF-8", validUtf8);
        }

        EventFields fields;
        try
        {
            fields = EventFields.Read(value, MaxJsonDepth);
        }
        catch (JsonException ex)
        {
            return Rejected(declared, value, $"malformed JSON: {FirstSentence(ex.Message)}", validUtf8);
        }

        if (fields.Root != JsonTokenType.StartObject)
        {
            return Rejected(declared, value, $"JSON {Describe(fields.Root)} is not an event object", validUtf8);
        }

        var problem = ValidateEvent(fields);
        return problem is null
            ? DecodedMessage.FromBytes(PayloadKind.Json, value, eventType: fields.EventType.Text)
            : DecodedMessage.FromBytes(PayloadKind.Invalid, value, error: problem);
    }

    // A JSON object is always reported as invalid when it fails validation; anything else is only
    // an error when the producer declared it to be JSON, otherwise it is simply text.
    private static DecodedMessage Rejected(bool declared, byte[] value, string reason, bool validUtf8) =>
        declared
            ? DecodedMessage.FromBytes(PayloadKind.Invalid, value, error: reason, isValidUtf8: validUtf8)
            : DecodedMessage.FromBytes(PayloadKind.Plain, value, isValidUtf8: validUtf8);

    private static string? ValidateEvent(EventFields fields)
    {
        var (type, id, body) = (fields.EventType, fields.Id, fields.Text);
        if (type.Kind == JsonTokenType.None)
        {
            return "missing field event_type";
        }

        if (type.Kind != JsonTokenType.String)
        {
            return $"event_type must be a string, not {Describe(type)}";
        }

        if (type.Text is null)
        {
            return "event_type is not valid Unicode text";
        }

        if (string.IsNullOrWhiteSpace(type.Text))
        {
            return "event_type is empty";
        }

        if (id.Kind != JsonTokenType.None && !(id.Kind == JsonTokenType.Number && id.IsInt32))
        {
            return $"id must be a 32-bit integer, not {Describe(id)}";
        }

        if (body.Kind != JsonTokenType.None && body.Kind != JsonTokenType.String)
        {
            return $"text must be a string, not {Describe(body)}";
        }

        return null;
    }

    private static string Describe(EventFields.Field field) => field.Kind switch
    {
        JsonTokenType.Number => $"the number {field.Text}",
        JsonTokenType.Null => "null",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => "a string",
    };

    private static string Describe(JsonTokenType root) => root switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "null",
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
