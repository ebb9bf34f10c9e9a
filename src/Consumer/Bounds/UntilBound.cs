using System.Globalization;

namespace KafkaDemo.Consumer.Bounds;

/// <summary>
/// <c>--until</c>: where each partition stops. A time is written as for <c>--from</c> (an ISO 8601
/// time, epoch milliseconds, or <c>-&lt;duration&gt;</c> ago), so a bare number is a time here too;
/// offsets and counts get a sign of their own: <c>@offset</c> and <c>+count</c>.
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

        error = $"'{text}' is not a bound for --until: use a time, epoch milliseconds, -<duration>, @<offset> or +<count>";
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
