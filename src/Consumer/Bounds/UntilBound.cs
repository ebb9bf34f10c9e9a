using System.Globalization;

namespace KafkaDemo.Consumer.Bounds;

/// <summary>
/// <c>--until</c>: where each partition stops. A bare whole number is an offset (<c>@offset</c>
/// too), <c>+count</c> a count, and a time is an ISO 8601 time or <c>-&lt;duration&gt;</c> ago, as
/// for <c>--from</c>; epoch milliseconds, which <c>--from</c> takes, would read as an offset here.
/// </summary>
/// <param name="Kind">What the bound is.</param>
/// <param name="Value">The offset, the count, or the time in epoch milliseconds.</param>
public sealed record UntilBound(UntilKind Kind, long Value)
{
    /// <summary>Reads <paramref name="text"/>; null with <paramref name="error"/> set when it is not a bound.</summary>
    public static UntilBound? Parse(string text, DateTimeOffset now, out string? error)
    {
        error = null;
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit))
        {
            return long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                ? new UntilBound(UntilKind.Offset, offset)
                : Refused(text, out error);
        }

        if (trimmed.StartsWith('@') || trimmed.StartsWith('+'))
        {
            var what = trimmed[0] == '@' ? "an offset" : "a count";
            if (!long.TryParse(trimmed[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                error = $"'{text}' is not a bound for --until: after {trimmed[0]} comes {what}, a whole number";
                return null;
            }

            if (trimmed[0] == '+' && number == 0)
            {
                error = "--until +<count> must be 1 or more";
                return null;
            }

            return new UntilBound(trimmed[0] == '@' ? UntilKind.Offset : UntilKind.Count, number);
        }

        if (StartPosition.Parse(trimmed, now) is { Kind: StartKind.Time, Time: { } time })
        {
            return new UntilBound(UntilKind.Time, time.ToUnixTimeMilliseconds());
        }

        return Refused(text, out error);
    }

    private static UntilBound? Refused(string text, out string? error)
    {
        error = $"'{text}' is not a bound for --until: use an offset, +<count>, an ISO 8601 time or -<duration>";
        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        UntilKind.Offset => $"offset {Value}",
        UntilKind.Count => $"{Value} message(s) per partition",
        _ => DateTimeOffset.FromUnixTimeMilliseconds(Value).ToString("O", CultureInfo.InvariantCulture),
    };
}
