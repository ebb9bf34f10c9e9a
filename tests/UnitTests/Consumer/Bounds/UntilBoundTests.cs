using KafkaDemo.Consumer.Bounds;

namespace KafkaDemo.UnitTests.Consumer.Bounds;

public class UntilBoundTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, UntilKind, long> Bounds => new()
    {
        { "@42", UntilKind.Offset, 42 },
        { "@0", UntilKind.Offset, 0 },
        { "+5", UntilKind.Count, 5 },
        { "2026-11-30T10:00:00Z", UntilKind.Time, new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() },
        { "2026-11-30T11:00:00+01:00", UntilKind.Time, new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() },
        { "42", UntilKind.Offset, 42 },
        { "1764496800000", UntilKind.Offset, 1764496800000 },
        { "-10m", UntilKind.Time, Now.AddMinutes(-10).ToUnixTimeMilliseconds() },
    };

    [Theory]
    [MemberData(nameof(Bounds))]
    public void A_time_an_offset_or_a_count_each_have_their_own_spelling(string text, UntilKind kind, long value)
    {
        var bound = UntilBound.Parse(text, Now, out var error);

        Assert.Null(error);
        Assert.Equal(new UntilBound(kind, value), bound);
    }

    [Theory]
    [InlineData("42", UntilKind.Offset)]
    [InlineData("@42", UntilKind.Offset)]
    [InlineData("2026-11-30T10:00:00.250Z", UntilKind.Time)]
    public void A_bare_number_is_an_offset_as_the_issue_names_it_and_a_time_is_written_as_one(string text, UntilKind kind)
    {
        Assert.Equal(kind, UntilBound.Parse(text, Now, out _)!.Kind);
    }

    [Theory]
    [InlineData("soon", "'soon' is not a bound for --until: use an offset, +<count>, an ISO 8601 time or -<duration>")]
    [InlineData("latest", "'latest' is not a bound for --until")]
    [InlineData("@", "after @ comes an offset, a whole number")]
    [InlineData("@-1", "after @ comes an offset, a whole number")]
    [InlineData("+x", "after + comes a count, a whole number")]
    [InlineData("+0", "--until +<count> must be 1 or more")]
    public void A_malformed_bound_is_refused_with_the_reason(string text, string expected)
    {
        var bound = UntilBound.Parse(text, Now, out var error);

        Assert.Null(bound);
        Assert.Contains(expected, error);
    }
}
