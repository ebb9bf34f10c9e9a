using KafkaDemo.Cli;

namespace KafkaDemo.UnitTests.Cli;

public class DurationsTests
{
    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("5s", 5_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("10", 10_000)]
    [InlineData(" 3S ", 3_000)]
    [InlineData("0", 0)]
    public void Reads_units_and_bare_seconds(string text, double milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Durations.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5s")]
    [InlineData("5x")]
    [InlineData("1e300s")]
    [InlineData("999999999h")]
    public void Rejects_anything_else(string text)
    {
        Assert.Null(Durations.Parse(text));
    }

    [Theory]
    [InlineData(250, "250ms")]
    [InlineData(30_000, "30s")]
    [InlineData(120_000, "2m")]
    [InlineData(7_200_000, "2h")]
    public void Formats_in_the_largest_whole_unit(double milliseconds, string expected)
    {
        Assert.Equal(expected, Durations.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Theory]
    [InlineData("Timeout [default: 00:00:30]", "Timeout [default: 30s]")]
    [InlineData("Wait [default: 00:00:00.2500000]", "Wait [default: 250ms]")]
    [InlineData("Long [default: 1.00:00:00]", "Long [default: 24h]")]
    [InlineData("Wrapped [default:\n      00:02:00]", "Wrapped [default:\n      2m]")]
    [InlineData("At 10:00:00 [default: earliest]", "At 10:00:00 [default: earliest]")]
    public void Help_shows_duration_defaults_as_they_are_typed(string help, string expected)
    {
        Assert.Equal(expected, Durations.AsTypedInHelp(help));
    }
}
