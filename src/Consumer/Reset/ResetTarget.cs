using System.Globalization;
using KafkaDemo.Cli;

namespace KafkaDemo.Consumer.Reset;

/// <summary>A parsed <c>--to</c>: earliest, latest, an offset, a shift (+N / -N), a time or -duration.</summary>
/// <param name="Kind">What kind of target.</param>
/// <param name="Amount">The offset, or the shift.</param>
/// <param name="Time">The point in time.</param>
public sealed record ResetTarget(ResetKind Kind, long Amount = 0, DateTimeOffset? Time = null)
{
    /// <summary>
    /// Parses <paramref name="text"/>: <c>earliest</c>, <c>latest</c>, an offset (<c>42</c>), a shift
    /// (<c>+10</c>, <c>-10</c>), an ISO 8601 time, or <c>-10m</c> (that long before <paramref name="now"/>).
    /// A plain number is an offset here, never epoch milliseconds. Null when it is none of these.
    /// </summary>
    public static ResetTarget? Parse(string text, DateTimeOffset now)
    {
        var trimmed = text.Trim();
        switch (trimmed.ToLowerInvariant())
        {
            case "earliest":
                return new ResetTarget(ResetKind.Earliest);
            case "latest":
                return new ResetTarget(ResetKind.Latest);
        }

        if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return new ResetTarget(ResetKind.Offset, offset);
        }

        if (trimmed.Length > 1 && trimmed[0] is '+' or '-'
            && long.TryParse(trimmed[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var shift))
        {
            return new ResetTarget(ResetKind.Shift, trimmed[0] == '-' ? -shift : shift);
        }

        if (trimmed.StartsWith('-') && Durations.Parse(trimmed[1..]) is { } ago)
        {
            return new ResetTarget(ResetKind.Time, Time: now - ago);
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? new ResetTarget(ResetKind.Time, Time: time)
            : null;
    }
}
