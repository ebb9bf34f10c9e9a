namespace KafkaDemo.Producer.Sources;

/// <summary>
/// Splits the headers off the start of an input line (<c>--parse-headers</c>). As in
/// kafka-console-producer: a line without the delimiter, or a header without its name separator,
/// is an error; a header name equal to the null marker is an error; a header value equal to it is
/// a null value; a header section equal to it is no headers. Unlike it, an empty header section is
/// no headers too (Kafka rejects it), so a line can start with the delimiter alone.
/// </summary>
public static class LineHeaders
{
    /// <summary>
    /// The headers at the start of <paramref name="line"/> (values as UTF-8) and the
    /// <paramref name="rest"/> after the delimiter; false with <paramref name="error"/> set when
    /// the line does not have that shape.
    /// </summary>
    public static bool TrySplit(string line, LineHeaderFormat format, string? nullMarker,
        out IReadOnlyList<KeyValuePair<string, byte[]?>> headers, out string rest, out string? error)
    {
        (headers, rest, error) = ([], line, null);
        var end = line.IndexOf(format.Delimiter, StringComparison.Ordinal);
        if (end < 0)
        {
            error = $"no headers delimiter ({Shown(format.Delimiter)}) before the key and value";
            return false;
        }

        rest = line[(end + format.Delimiter.Length)..];
        var section = line[..end];
        if (section.Length == 0 || section == nullMarker)
        {
            return true;
        }

        var parsed = new List<KeyValuePair<string, byte[]?>>();
        foreach (var pair in section.Split(format.Separator))
        {
            var at = pair.IndexOf(format.KeySeparator, StringComparison.Ordinal);
            if (at < 0)
            {
                error = $"header '{pair}' has no {Shown(format.KeySeparator)} between its name and value";
                return false;
            }

            var name = pair[..at];
            if (name == nullMarker)
            {
                error = $"a header name cannot be the null marker '{nullMarker}'";
                return false;
            }

            var value = pair[(at + format.KeySeparator.Length)..];
            parsed.Add(KeyValuePair.Create(name, value == nullMarker ? null : System.Text.Encoding.UTF8.GetBytes(value)));
        }

        headers = parsed;
        return true;
    }

    private static string Shown(string separator) => separator switch
    {
        "\t" => "a tab",
        _ => $"'{separator}'",
    };
}
