using System.Globalization;
using KafkaDemo.Cli;

namespace KafkaDemo.Consumer.Topics;

/// <summary>The cluster listing as aligned text: the brokers, then a table per topic.</summary>
public static class ClusterListingText
{
    private const string Indent = "  ";

    /// <summary>The listing as lines.</summary>
    public static IReadOnlyList<string> Render(ClusterListing listing)
    {
        var lines = new List<string> { $"Brokers ({listing.Brokers.Count}):" };
        lines.AddRange(TextTable.Render(
            ["ID", "ADDRESS", "ROLE"],
            listing.Brokers.Select(b => new[]
            {
                Number(b.Id), $"{b.Host}:{Number(b.Port)}",
                listing.ControllerId is null ? "controller unknown" : b.Id == listing.ControllerId ? "controller" : string.Empty,
            }),
            Indent));

        foreach (var topic in listing.Topics)
        {
            lines.Add(string.Empty);
            lines.Add($"Topic {topic.Name} ({(topic.Partitions.Count == 1 ? "1 partition" : $"{topic.Partitions.Count} partitions")}):");
            lines.AddRange(TextTable.Render(
                ["PARTITION", "LEADER", "REPLICAS", "ISR", "LOW", "HIGH"],
                topic.Partitions.Select(p => new[]
                {
                    Number(p.Partition), Number(p.Leader), string.Join(',', p.Replicas), string.Join(',', p.InSync), Number(p.Low), Number(p.High),
                }),
                Indent));
        }

        if (listing.Topics.Count == 0)
        {
            lines.Add(string.Empty);
            lines.Add("No topics.");
        }

        return lines;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
