using System.Globalization;

namespace KafkaDemo.LocalBroker;

/// <summary>A topic to pre-create, written on the command line as <c>name</c> or <c>name:partitions</c>.</summary>
/// <param name="Name">Topic name.</param>
/// <param name="Partitions">Partition count, at least 1.</param>
public sealed record TopicSpec(string Name, int Partitions)
{
    /// <summary>Partition count used when a spec gives only a name.</summary>
    public const int DefaultPartitions = 3;

    /// <summary>The spec as it is written on the command line (<c>name:partitions</c>), as --help shows the default.</summary>
    public override string ToString() => $"{Name}:{Partitions}";

    /// <summary>Parses <c>name[:partitions]</c>; null with <paramref name="error"/> set when it is malformed.</summary>
    public static TopicSpec? TryParse(string text, out string? error)
    {
        error = null;
        var colon = text.LastIndexOf(':');
        var name = colon < 0 ? text : text[..colon];
        if (Common.TopicNames.Problem(name) is { } problem)
        {
            error = problem;
            return null;
        }

        if (colon < 0)
        {
            return new TopicSpec(name, DefaultPartitions);
        }

        if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var partitions)
            || partitions is < 1 or > 10_000)
        {
            error = $"'{text[(colon + 1)..]}' is not a partition count between 1 and 10000 in '{text}'";
            return null;
        }

        return new TopicSpec(name, partitions);
    }
}
