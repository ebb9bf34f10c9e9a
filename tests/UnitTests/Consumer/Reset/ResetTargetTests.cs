using KafkaDemo.Consumer.Reset;

namespace KafkaDemo.UnitTests.Consumer.Reset;

public class ResetTargetTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("earliest", ResetKind.Earliest, 0)]
    [InlineData("LATEST", ResetKind.Latest, 0)]
    [InlineData("42", ResetKind.Offset, 42)]
    [InlineData("+10", ResetKind.Shift, 10)]
    [InlineData("-10", ResetKind.Shift, -10)]
    public void Names_offsets_and_shifts_parse(string text, ResetKind kind, long amount)
    {
        Assert.Equal(new ResetTarget(kind, amount), ResetTarget.Parse(text, Now));
    }

    [Fact]
    public void A_time_or_a_duration_ago_becomes_a_time()
    {
        Assert.Equal(new ResetTarget(ResetKind.Time, Time: Now.AddHours(-1)), ResetTarget.Parse("-1h", Now));
        Assert.Equal(new ResetTarget(ResetKind.Time, Time: new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero)), ResetTarget.Parse("2026-11-22T10:00:00Z", Now));
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("+")]
    [InlineData("+x")]
    [InlineData("")]
    public void Anything_else_is_not_a_target(string text)
    {
        Assert.Null(ResetTarget.Parse(text, Now));
    }
}
