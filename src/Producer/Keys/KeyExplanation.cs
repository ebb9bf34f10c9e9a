using KafkaDemo.Common;
using KafkaDemo.Common.Partitioning;

namespace KafkaDemo.Producer.Keys;

/// <summary>
/// The <c>explain-keys</c> table: for each key, its partition under every partitioner, with the
/// one in use marked, so a user can see where a key will land and why clients may disagree.
/// </summary>
public static class KeyExplanation
{
    private const string EmptyKeyLabel = "(empty)";

    /// <summary>The table as lines; the partitioner in use is marked with brackets.</summary>
    public static IReadOnlyList<string> Render(IReadOnlyList<string> keys, int partitionCount, PartitionerKind inUse) =>
        Render(keys, partitionCount, inUse, EnumNames.NameOf(inUse));

    /// <summary>
    /// As above; <paramref name="inUse"/> null means the client uses a partitioner that no column
    /// predicts (<paramref name="inUseName"/>, librdkafka's name for it), and nothing is marked.
    /// </summary>
    public static IReadOnlyList<string> Render(IReadOnlyList<string> keys, int partitionCount, PartitionerKind? inUse, string inUseName)
    {
        var kinds = Enum.GetValues<PartitionerKind>();
        string[] titles = ["murmur2 (Java default)", "crc32 (librdkafka default)", "uuid-modulo"];
        var keyWidth = Math.Max(EmptyKeyLabel.Length, keys.Count == 0 ? 0 : keys.Max(k => k.Length));

        var lines = new List<string>
        {
            $"{partitionCount} partition{(partitionCount == 1 ? string.Empty : "s")}; " + (inUse is { } kind
                ? $"[n] marks {(inUseName == EnumNames.NameOf(kind) ? "--partitioner " : "partitioner=")}{inUseName}, the one in use"
                : $"partitioner={inUseName} is in use, which places keys in a way no column predicts"),
            "key".PadRight(keyWidth) + "  " + string.Join("  ", titles.Select(t => t.PadRight(26))).TrimEnd(),
        };

        foreach (var key in keys)
        {
            var cells = kinds.Select(column =>
            {
                var partition = PartitionPredictor.PartitionFor(column, key, partitionCount);
                var text = partition switch
                {
                    { } p => p.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    null when column == PartitionerKind.UuidModulo =>
                        $"{PartitionPredictor.PartitionFor(PartitionerKind.Murmur2, key, partitionCount)} (not a UUID: murmur2)",
                    null => "random (empty key)",
                };
                return (column == inUse ? $"[{text}]" : $" {text} ").PadRight(26);
            });
            lines.Add((key.Length == 0 ? EmptyKeyLabel : key).PadRight(keyWidth) + "  " + string.Join("  ", cells).TrimEnd());
        }

        return lines;
    }
}
