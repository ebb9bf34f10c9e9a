using System.Globalization;
using KafkaDemo.Cli;
using KafkaDemo.Common.Statistics;

namespace KafkaDemo.Consumer.Lag;

/// <summary>What <c>lag --watch</c> shows each interval: a title, one row per partition with its rates and a bar of its lag, and the totals.</summary>
public static class LagFrame
{
    /// <summary>Cells the largest lag's bar fills.</summary>
    public const int BarWidth = 24;

    /// <summary>The title line, with the time of the measurement.</summary>
    public static string Title(string groupId, TimeSpan interval, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"Group {groupId}, every {Durations.Format(interval)}, at {at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} (Ctrl+C stops)");

    /// <summary>The frame for <paramref name="rows"/> and their <paramref name="rates"/> (same order).</summary>
    public static IReadOnlyList<string> Render(string title, IReadOnlyList<PartitionLag> rows, IReadOnlyList<(double? In, double? Out)> rates)
    {
        string[] header = ["TOPIC", "PARTITION", "LOG-END", "COMMITTED", "IN/S", "OUT/S"];
        var table = TextTable.Render(header, rows.Select((r, i) => new[]
        {
            r.Topic,
            r.Partition.ToString(CultureInfo.InvariantCulture),
            r.LogEnd.ToString(CultureInfo.InvariantCulture),
            r.Committed?.ToString(CultureInfo.InvariantCulture) ?? "-",
            Rate(rates[i].In),
            Rate(rates[i].Out),
        }));
        var width = table.Max(line => line.Length);
        var bars = BarChart.Render([.. rows.Select((r, i) => (table[i + 1].PadRight(width), r.Lag ?? 0))], BarWidth);

        var lines = new List<string> { title, $"{table[0].PadRight(width)} │LAG" };
        // The chart ends each line with the count; a partition without a committed offset has no lag to count.
        lines.AddRange(bars.Select((line, i) => rows[i].Lag is null ? line[..line.LastIndexOf(' ')] + " -" : line));
        var totalIn = rates.Sum(r => r.In ?? 0);
        var totalOut = rates.Sum(r => r.Out ?? 0);
        lines.Add(rates.Any(r => r.In is not null)
            ? string.Create(CultureInfo.InvariantCulture, $"{GroupLag.TotalLine(rows)}; in {totalIn:F1} msg/s, out {totalOut:F1} msg/s")
            : GroupLag.TotalLine(rows));
        return lines;
    }

    private static string Rate(double? perSecond) => perSecond?.ToString("F1", CultureInfo.InvariantCulture) ?? "-";
}
