using System.Text;

namespace KafkaDemo.Common.Decoding;

/// <summary>Makes arbitrary payload text safe to print on one terminal line.</summary>
public static class Printable
{
    /// <summary>
    /// Escapes control characters (newlines, tabs, ESC and the rest of C0/C1) so that a payload
    /// can neither break the one-line-per-message output nor send sequences to the terminal.
    /// </summary>
    public static string Escape(string text)
    {
        var firstControl = text.AsSpan().IndexOfAnyInRange('\u0000', '\u001f');
        if (firstControl < 0 && !text.AsSpan().ContainsAnyInRange('\u007f', '\u009f'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(c) => builder.Append($"\\u{(int)c:x4}"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
