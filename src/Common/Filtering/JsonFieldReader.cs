using System.Globalization;
using System.Text;
using System.Text.Json;
using KafkaDemo.Common.Decoding;

namespace KafkaDemo.Common.Filtering;

/// <summary>
/// Finds one field of a JSON value by its path, in one forward pass with no document built, and
/// gives it as text: a string's unescaped text, a number as written, <c>true</c> or <c>false</c>,
/// an object or array as its JSON. A missing field, a JSON null and text that is not JSON give null.
/// </summary>
public static class JsonFieldReader
{
    /// <summary>
    /// The field of <paramref name="utf8Json"/> at <paramref name="path"/>: each step a property
    /// name, or, where the value is an array, an index from 0. When a name occurs more than once in
    /// an object the last occurrence counts, as in the decoder.
    /// </summary>
    public static string? Read(ReadOnlySpan<byte> utf8Json, IReadOnlyList<string> path)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MessageDecoder.MaxJsonDepth });
            if (!reader.Read())
            {
                return null;
            }

            foreach (var step in path)
            {
                if (!Enter(ref reader, step))
                {
                    return null;
                }
            }

            return TextOf(ref reader, utf8Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Moves the reader from a value's first token to the first token of its member named step.
    private static bool Enter(ref Utf8JsonReader reader, string step)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            var found = false;
            var member = reader;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var matches = reader.ValueTextEquals(step);
                _ = reader.Read();
                if (matches)
                {
                    member = reader;
                    found = true;
                }

                reader.Skip();
            }

            reader = member;
            return found;
        }

        if (reader.TokenType == JsonTokenType.StartArray && int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
            {
                if (i == index)
                {
                    return true;
                }

                reader.Skip();
            }
        }

        return false;
    }

    private static string? TextOf(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Json)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                try
                {
                    return reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    // An escaped lone surrogate: well-formed JSON, but no text to match.
                    return null;
                }

            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return Encoding.UTF8.GetString(utf8Json[start..(int)reader.BytesConsumed]);
            default:
                return null;
        }
    }
}
