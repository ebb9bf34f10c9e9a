using KafkaDemo.LocalBroker;

namespace KafkaDemo.UnitTests.LocalBroker;

public class LocalBrokerCommandTests
{
    [Fact]
    public async Task Help_shows_each_default_as_a_user_would_type_it()
    {
        var (exitCode, output, _) = await CommandLine.RunAsync(LocalBrokerCommand.Create(), "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("[default: notes-topic:3]", output);
        Assert.Contains("[default: 1s]", output);
        Assert.DoesNotContain("TopicSpec", output);
        Assert.DoesNotContain("00:00", output);
    }
}
