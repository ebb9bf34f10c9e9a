using System.Globalization;
using KafkaDemo.Cli;

namespace KafkaDemo.Consumer;

/// <summary>
/// Where reading starts. For a group, committed offsets win over <see cref="StartKind.Earliest"/>
/// and <see cref="StartKind.Latest"/> (which only apply where the group has none); a time or a
/// tail repositions every newly assigned partition once.
/// </summary>
/// <param name="Kind">The kind of position.</param>
/// <param name="Time">The point in time, for <see cref="StartKind.Time"/>.</param>
/// <param name="Count">How many messages from each partition's end, for <see cref="StartKind.Tail"/>.</param>
public sealed record StartPosition(StartKind Kind, DateTimeOffset? Time = null, long Count = 0)
{
    /// <summary>From the beginning.</summary>
    public static readonly StartPosition Earliest = new(StartKind.Earliest);

    /// <summary>From the end.</summary>
    public static readonly StartPosition Latest = new(StartKind.Latest);

    /// <summary>From the group's committed offsets.</summary>
    public static readonly StartPosition Committed = new(StartKind.Committed);

    /// <summary>The last <paramref name="count"/> messages of each partition: <c>--tail</c>.</summary>
    public static StartPosition Tail(long count) => new(StartKind.Tail, Count: count);

    /// <summary>
    /// Reads <c>earliest</c>, <c>latest</c>, <c>committed</c>, an ISO 8601 time (UTC unless it says
    /// otherwise), milliseconds since the epoch, or a duration ago such as <c>-10m</c>.
    /// </summary>
    public static StartPosition? Parse(string text, DateTimeOffset now)
    {
        var trimmed = text.Trim();
        switch (trimmed.ToLowerInvariant())
        {
            case "earliest":
            case "beginning":
                return Earliest;
            case "latest":
            case "end":
                return Latest;
            case "committed":
                return Committed;
        }

        if (trimmed.StartsWith('-') && Durations.Parse(trimmed[1..]) is { } ago)
        {
            return new StartPosition(StartKind.Time, now - ago);
        }

        if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var epochMs))
        {
            return epochMs <= 253_402_300_799_999 ? new StartPosition(StartKind.Time, DateTimeOffset.FromUnixTimeMilliseconds(epochMs)) : null;
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? new StartPosition(StartKind.Time, time)
            : null;
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        StartKind.Time => Time!.Value.ToString("O", CultureInfo.InvariantCulture),
        StartKind.Tail => $"the last {Count} of each partition",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
