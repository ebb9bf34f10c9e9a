using System.Globalization;
using KafkaDemo.Cli;

namespace KafkaDemo.Consumer.Reset;

/// <summary>The new committed offset of each partition for a <see cref="ResetTarget"/>, and its table. Pure.</summary>
public static class ResetPlan
{
    /// <summary>
    /// One row per partition. Every new offset is kept between the partition's watermarks, as
    /// Kafka's own tool does; a shift needs a committed offset to shift from.
    /// </summary>
    public static IReadOnlyList<ResetRow> For(ResetTarget target, IEnumerable<PartitionState> partitions) =>
        [.. partitions.Select(p => new ResetRow(p.Partition, p.Committed, target.Kind switch
        {
            ResetKind.Earliest => p.Low,
            ResetKind.Latest => p.High,
            ResetKind.Offset => Math.Clamp(target.Amount, p.Low, p.High),
            ResetKind.Shift => p.Committed is { } current ? Math.Clamp(current + target.Amount, p.Low, p.High) : null,
            _ => p.AtTime is { } found ? Math.Clamp(found, p.Low, p.High) : p.High,
        }))];

    /// <summary>The plan as an aligned table under a line naming the group.</summary>
    public static IReadOnlyList<string> Render(string groupId, IReadOnlyList<ResetRow> rows, bool executed)
    {
        string[] header = ["TOPIC", "PARTITION", "CURRENT", "NEW"];
        var cells = rows.Select(r => new[]
        {
            r.Partition.Topic,
            r.Partition.Partition.Value.ToString(CultureInfo.InvariantCulture),
            r.Current?.ToString(CultureInfo.InvariantCulture) ?? "-",
            r.New?.ToString(CultureInfo.InvariantCulture) ?? "- (no committed offset to shift)",
        });

        return [executed ? $"Group {groupId}: offsets reset" : $"Group {groupId}: reset plan (dry run; add --execute to apply it)", .. TextTable.Render(header, cells)];
    }
}
