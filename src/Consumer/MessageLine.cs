using KafkaDemo.Common.Decoding;

namespace KafkaDemo.Consumer;

/// <summary>
/// The one-line rendering of a message, in the shapes users of the original demo grep for:
/// <c>✅ JSON (note_created) | key=… | partition=1 | offset=42 → {…}</c> and
/// <c>📦 Plain | key=… | partition=… | offset=… → text</c>.
/// </summary>
public static class MessageLine
{
    /// <summary>Renders <paramref name="message"/>; payload text is escaped so it stays on one line.</summary>
    public static string Format(ConsumedMessage message) => Format(message, message.ShownKey, shownValue: null);

    /// <summary>
    /// Renders <paramref name="message"/> with <paramref name="shownKey"/> as its key (null: none)
    /// and <paramref name="shownValue"/> in place of the decoded value's text (null: that text);
    /// for keys and values in hex or base64.
    /// </summary>
    public static string Format(ConsumedMessage message, string? shownKey, string? shownValue)
    {
        var decoded = message.Decoded;
        var label = decoded.Kind switch
        {
            // Framed for a schema registry: what its frame says (decoded or not) rather than how its bytes look.
            not PayloadKind.Invalid when message.ValueSchema is { } schema => $"🧾 {Capitalise(schema.Describe())}",
            PayloadKind.Json => $"✅ JSON ({decoded.EventType})",
            PayloadKind.Protobuf => $"🧬 Protobuf ({decoded.EventType})",
            PayloadKind.Plain => "📦 Plain",
            PayloadKind.Tombstone => "🪦 Tombstone",
            _ => "⚠️ Invalid",
        };

        var key = shownKey is not { } shown ? "(none)"
            : message.KeySchema is { Json: null } keySchema ? $"({keySchema.Describe()}) {Printable.Escape(shown)}"
            : Printable.Escape(shown);
        var line = $"{label} | key={key} | partition={message.Partition} | offset={message.Offset}";
        // The content-type header is already told by the label; repeating it on every line is noise.
        if (message.HasHeadersBesidesContentType)
        {
            line += " | headers=" + string.Join(',', message.HeadersBesidesContentType.Select(h => $"{Printable.Escape(h.Key)}:{Printable.Escape(h.Value)}"));
        }

        if (message.KeySchema is { Json: not null } decodedKey)
        {
            line += $" | key schema={decodedKey.Describe()}";
        }

        return decoded.Kind switch
        {
            PayloadKind.Tombstone => line,
            PayloadKind.Invalid => $"{line} ({decoded.Error}) → {Printable.Escape(shownValue ?? decoded.Text)}",
            _ => $"{line} → {Printable.Escape(shownValue ?? decoded.Text)}",
        };
    }

    private static string Capitalise(string phrase) => phrase.Length == 0 ? phrase : char.ToUpperInvariant(phrase[0]) + phrase[1..];
}
