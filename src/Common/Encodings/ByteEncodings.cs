using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace KafkaDemo.Common.Encodings;

/// <summary>
/// Bytes to text and back in a <see cref="ByteEncoding"/>: what the Consumer writes for a key or
/// value, and what the Producer reads from an input line. Hex and base64 are exact for any bytes;
/// text is exact only for UTF-8.
/// </summary>
public static class ByteEncodings
{
    private static readonly SearchValues<char> s_hexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>The name an encoding goes by on the command line and in a JSON envelope's <c>…_encoding</c> field.</summary>
    public static string Name(ByteEncoding encoding) => EnumNames.NameOf(encoding);

    /// <summary><paramref name="bytes"/> as text in <paramref name="encoding"/>; null for null.</summary>
    public static string? Encode(byte[]? bytes, ByteEncoding encoding) => bytes is null ? null : encoding switch
    {
        ByteEncoding.Hex => Convert.ToHexStringLower(bytes),
        ByteEncoding.Base64 => Convert.ToBase64String(bytes),
        _ => Encoding.UTF8.GetString(bytes),
    };

    /// <summary>
    /// The bytes <paramref name="text"/> stands for in <paramref name="encoding"/>; false, with
    /// <paramref name="error"/> saying what is wrong, when it is not valid hex or base64.
    /// Text is always valid: its UTF-8 bytes.
    /// </summary>
    public static bool TryDecode(string text, ByteEncoding encoding, out byte[] bytes, out string? error)
    {
        (bytes, error) = (Array.Empty<byte>(), null);
        switch (encoding)
        {
            case ByteEncoding.Hex:
                error = HexError(text);
                if (error is null)
                {
                    bytes = Convert.FromHexString(text);
                }

                break;
            case ByteEncoding.Base64:
                // Base64.IsValid and Convert agree on what they accept (whitespace between quads included).
                if (Base64.IsValid(text))
                {
                    bytes = Convert.FromBase64String(text);
                }
                else
                {
                    error = $"not base64 (standard alphabet, with = padding): '{Shortened(text)}'";
                }

                break;
            default:
                bytes = Encoding.UTF8.GetBytes(text);
                break;
        }

        return error is null;
    }

    // The first thing wrong, where it is: a user fixing a line of hex wants the position.
    private static string? HexError(string text)
    {
        var bad = text.AsSpan().IndexOfAnyExcept(s_hexDigits);
        if (bad >= 0)
        {
            return $"not hex: '{text[bad]}' at position {bad + 1} of '{Shortened(text)}'";
        }

        return text.Length % 2 == 0 ? null : $"not hex: an odd number of digits ({text.Length}) in '{Shortened(text)}'";
    }

    private static string Shortened(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
