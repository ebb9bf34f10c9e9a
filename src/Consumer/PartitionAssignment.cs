using System.Globalization;

namespace KafkaDemo.Consumer;

/// <summary>One partition to read without a group rebalance, optionally from a given offset.</summary>
/// <param name="Topic">Topic name.</param>
/// <param name="Partition">Partition number.</param>
/// <param name="Offset">Offset to start at; null uses <c>--from</c>.</param>
public sealed record PartitionAssignment(string Topic, int Partition, long? Offset)
{
    /// <summary>
    /// Parses <c>topic:partition[@offset],…</c>; null with <paramref name="error"/> set when malformed.
    /// </summary>
    public static IReadOnlyList<PartitionAssignment>? ParseList(string text, out string? error)
    {
        var result = new List<PartitionAssignment>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = item.IndexOf('@');
            var topicPartition = at < 0 ? item : item[..at];
            var colon = topicPartition.LastIndexOf(':');
            if (colon <= 0
                || !int.TryParse(topicPartition[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var partition))
            {
                error = $"'{item}' is not topic:partition[@offset]";
                return null;
            }

            long? offset = null;
            if (at >= 0)
            {
                if (!long.TryParse(item[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    error = $"'{item[(at + 1)..]}' in '{item}' is not an offset (a whole number, 0 or more)";
                    return null;
                }

                offset = parsed;
            }

            result.Add(new PartitionAssignment(topicPartition[..colon], partition, offset));
        }

        if (result.Count == 0)
        {
            error = "no partitions given";
            return null;
        }

        error = null;
        return result;
    }
}
