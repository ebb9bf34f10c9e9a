using System.Text;
using System.Text.Json;

namespace KafkaDemo.Common.Decoding;

/// <summary>
/// The top-level fields of a JSON value that an event is judged by, read in one forward pass with
/// no document built: the whole value is still checked to be well-formed JSON within a depth limit.
/// When a field occurs more than once, the last occurrence counts.
/// </summary>
internal readonly record struct EventFields(JsonTokenType Root, EventFields.Field EventType, EventFields.Field Id, EventFields.Field Text)
{
    /// <summary>One field's JSON token kind (None when absent) and what the checks need of its value.</summary>
    /// <param name="Kind">The token the value starts with.</param>
    /// <param name="Text">
    /// A kept string's unescaped text (null if it is not valid UTF-16, or not kept), or a number's
    /// literal (null for a 32-bit integer where one is valid).
    /// </param>
    /// <param name="IsInt32">For a number: whether it is an integer within 32 bits.</param>
    internal readonly record struct Field(JsonTokenType Kind, string? Text = null, bool IsInt32 = false);

    private static readonly (string Text, byte[] Utf8)[] s_knownEventTypes =
        [.. Events.NoteEventTypes.All.Select(type => (type, Encoding.UTF8.GetBytes(type)))];

    /// <summary>Reads <paramref name="utf8Json"/>; throws <see cref="JsonException"/> when it is not well-formed JSON.</summary>
    public static EventFields Read(ReadOnlySpan<byte> utf8Json, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = maxDepth });
        _ = reader.Read();
        var fields = new EventFields(reader.TokenType, default, default, default);
        while (reader.Read())
        {
            if (reader.CurrentDepth != 1 || reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (reader.ValueTextEquals("event_type"u8))
            {
                _ = reader.Read();
                fields = fields with { EventType = Capture(ref reader, keepString: true, int32IsValid: false) };
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                _ = reader.Read();
                fields = fields with { Id = Capture(ref reader, keepString: false, int32IsValid: true) };
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                _ = reader.Read();
                fields = fields with { Text = Capture(ref reader, keepString: false, int32IsValid: false) };
            }
        }

        return fields;
    }

    // Only event_type's string is kept; of the others the checks need the kind, and a number's
    // literal only for the message about a wrong one (an id that is a 32-bit integer is right).
    // Not making those strings halves the allocations of a valid event.
    private static Field Capture(ref Utf8JsonReader reader, bool keepString, bool int32IsValid) => reader.TokenType switch
    {
        JsonTokenType.String when keepString && KnownEventType(ref reader) is { } known => new Field(JsonTokenType.String, known),
        JsonTokenType.String => new Field(JsonTokenType.String, keepString ? TryGetString(ref reader) : null),
        JsonTokenType.Number when int32IsValid && reader.TryGetInt32(out _) => new Field(JsonTokenType.Number, null, IsInt32: true),
        JsonTokenType.Number => new Field(JsonTokenType.Number, Encoding.UTF8.GetString(reader.ValueSpan), reader.TryGetInt32(out _)),
        var other => new Field(other),
    };

    // The demo's own event types come back as the same string objects every time.
    private static string? KnownEventType(ref Utf8JsonReader reader)
    {
        foreach (var type in s_knownEventTypes)
        {
            if (reader.ValueTextEquals(type.Utf8))
            {
                return type.Text;
            }
        }

        return null;
    }

    // An escaped lone surrogate ("\ud800") is well-formed JSON but no valid string.
    private static string? TryGetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
