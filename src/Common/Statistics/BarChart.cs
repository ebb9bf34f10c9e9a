using System.Globalization;

namespace KafkaDemo.Common.Statistics;

/// <summary>Draws labelled counts as horizontal bars of block characters, one line each.</summary>
public static class BarChart
{
    /// <summary>
    /// One line per row: the label, a bar scaled so the largest count fills <paramref name="width"/>
    /// cells (eighth-cell precision), and the count. A non-zero count always shows at least a sliver.
    /// </summary>
    public static IReadOnlyList<string> Render(IReadOnlyList<(string Label, long Count)> rows, int width = 40)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (rows.Count == 0)
        {
            return [];
        }

        var max = Math.Max(1, rows.Max(r => r.Count));
        var labelWidth = rows.Max(r => r.Label.Length);
        var lines = new List<string>(rows.Count);
        foreach (var (label, count) in rows)
        {
            var eighths = (int)Math.Round((double)count / max * width * 8);
            if (count > 0 && eighths == 0)
            {
                eighths = 1;
            }

            var bar = new string('█', eighths / 8) + (eighths % 8 == 0 ? string.Empty : Partial(eighths % 8));
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{label.PadLeft(labelWidth)} │{bar.PadRight(width)} {count}"));
        }

        return lines;
    }

    private static string Partial(int eighths) => "▏▎▍▌▋▊▉"[eighths - 1].ToString();
}
