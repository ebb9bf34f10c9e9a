using KafkaDemo.Cli;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.Lag;

namespace KafkaDemo.UnitTests.Consumer.Lag;

public class LagCommandDefinitionTests
{
    private static TimeSpan? Watch(params string[] args)
    {
        var definition = new LagCommandDefinition();
        var parsed = definition.Command.Parse(args);
        Assert.Empty(parsed.Errors);
        return parsed.GetValue(definition.Watch);
    }

    [Fact]
    public void Watch_is_off_unless_given_and_given_alone_redraws_every_two_seconds()
    {
        Assert.Null(Watch());
        Assert.Equal(TimeSpan.FromSeconds(2), Watch("--watch"));
        Assert.Equal(LagCommandDefinition.DefaultWatchInterval, Watch("--watch"));
    }

    [Fact]
    public void Watch_takes_an_interval_as_a_duration()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(500), Watch("--watch", "500ms"));
        Assert.Equal(TimeSpan.FromMinutes(1), Watch("--watch", "1m"));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("10ms")]
    public async Task An_interval_that_is_not_a_duration_or_too_short_is_one_usage_line(string interval)
    {
        var (exitCode, output, error) = await CommandLine.RunAsync(ConsumerCommand.Create(CommandLine.Environment()), "lag", "--watch", interval);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Empty(output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains($"'{interval}' is not an interval for --watch: use a duration of at least 100ms, e.g. 500ms, 2s or 1m.", error);
    }
}
