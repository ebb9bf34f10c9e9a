namespace KafkaDemo.Cli;

/// <summary>Aligned plain-text tables, as the subcommands print them: a header row, then one row per item, columns two spaces apart.</summary>
public static class TextTable
{
    /// <summary>The header and the rows, each cell padded to its column's widest, every line starting with <paramref name="indent"/>.</summary>
    public static IReadOnlyList<string> Render(string[] header, IEnumerable<string[]> rows, string indent = "")
    {
        var cells = rows.ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => cells.Select(c => c[i].Length).Append(header[i].Length).Max()).ToArray();
        string Line(string[] values) => indent + string.Join("  ", values.Select((v, i) => v.PadRight(widths[i]))).TrimEnd();
        return [Line(header), .. cells.Select(Line)];
    }
}
