using System.Globalization;

namespace KafkaDemo.Consumer.Topics;

/// <summary>The cluster listing as aligned text: the brokers, then a table per topic.</summary>
public static class ClusterListingText
{
    /// <summary>The listing as lines.</summary>
    public static IReadOnlyList<string> Render(ClusterListing listing)
    {
        var lines = new List<string> { $"Brokers ({listing.Brokers.Count}):" };
        lines.AddRange(Table(
            ["ID", "ADDRESS", "ROLE"],
            listing.Brokers.Select(b => new[]
            {
                Number(b.Id), $"{b.Host}:{Number(b.Port)}",
                listing.ControllerId is null ? "controller unknown" : b.Id == listing.ControllerId ? "controller" : string.Empty,
            })));

        foreach (var topic in listing.Topics)
        {
            lines.Add(string.Empty);
            lines.Add($"Topic {topic.Name} ({(topic.Partitions.Count == 1 ? "1 partition" : $"{topic.Partitions.Count} partitions")}):");
            lines.AddRange(Table(
                ["PARTITION", "LEADER", "REPLICAS", "ISR", "LOW", "HIGH"],
                topic.Partitions.Select(p => new[]
                {
                    Number(p.Partition), Number(p.Leader), string.Join(',', p.Replicas), string.Join(',', p.InSync), Number(p.Low), Number(p.High),
                })));
        }

        if (listing.Topics.Count == 0)
        {
            lines.Add(string.Empty);
            lines.Add("No topics.");
        }

        return lines;
    }

    private static IEnumerable<string> Table(string[] header, IEnumerable<string[]> rows)
    {
        var cells = rows.ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => cells.Select(c => c[i].Length).Append(header[i].Length).Max()).ToArray();
        string Line(string[] values) => "  " + string.Join("  ", values.Select((v, i) => v.PadRight(widths[i]))).TrimEnd();
        return [Line(header), .. cells.Select(Line)];
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
