using KafkaDemo.Cli;
using KafkaDemo.Consumer;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Consumer;

// `lag` without --topic asks the cluster which topics the group has committed offsets for. A real
// Kafka lists them; the embedded broker answers with none, and the command then says to pass --topic.
[Collection(BrokerCollection.Name)]
public class LagCommandTests(BrokerFixture broker)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private async Task<string> TopicReadByGroup(string group)
    {
        var topic = await broker.CreateTopicAsync("lag-cmd", 2);
        await CommandRunner.RunAsync(ProducerCommand.Create(_ => null), "-b", broker.BootstrapServers, "-t", topic, "-n", "6", "-q").WaitAsync(Bound);
        var (exitCode, _, error) = await CommandRunner.RunAsync(ConsumerCommand.Create(_ => null),
            "-b", broker.BootstrapServers, "-t", topic, "-g", group, "--exit-at-end", "-q", "-X", "session.timeout.ms=6000").WaitAsync(Bound);
        Assert.True(exitCode == ExitCodes.Success, error);
        return topic;
    }

    private static Task<(int ExitCode, string Output, string Error)> Lag(Func<string, string?> environment, params string[] args) =>
        CommandRunner.RunAsync(ConsumerCommand.Create(environment), ["lag", .. args]).WaitAsync(Bound);

    [SkippableFact]
    public async Task Without_a_topic_lag_shows_every_topic_the_group_has_committed_offsets_for()
    {
        Skip.If(broker.Cluster is not null, "needs a real Kafka: the embedded broker lists no committed offsets for an OffsetFetch of all topics");
        var group = Guid.NewGuid().ToString("N");
        var topic = await TopicReadByGroup(group);

        var (exitCode, output, error) = await Lag(_ => null, "-b", broker.BootstrapServers, "-g", group);

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Equal(2, output.Split('\n').Count(line => line.StartsWith(topic + " ", StringComparison.Ordinal)));
        Assert.DoesNotContain("notes-topic", output);
    }

    [SkippableFact]
    public async Task Without_a_topic_on_the_embedded_broker_lag_says_to_pass_one_and_exits_1()
    {
        Skip.If(broker.Cluster is null, "pins down the embedded broker's answer; a real Kafka lists the topics (see the test above)");
        var group = Guid.NewGuid().ToString("N");
        await TopicReadByGroup(group);

        var (exitCode, output, error) = await Lag(_ => null, "-b", broker.BootstrapServers, "-g", group);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Empty(output);
        Assert.Equal($"error: the cluster lists no committed offsets for group {group} (a group that never committed, or a broker that cannot list them, as the embedded one); pass --topic", error.Trim());
    }

    [Fact]
    public async Task A_topic_named_in_KAFKA_TOPIC_counts_as_given()
    {
        var group = Guid.NewGuid().ToString("N");
        var topic = await TopicReadByGroup(group);

        var (exitCode, output, error) = await Lag(name => name == "KAFKA_TOPIC" ? topic : null, "-b", broker.BootstrapServers, "-g", group);

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Equal(2, output.Split('\n').Count(line => line.StartsWith(topic + " ", StringComparison.Ordinal)));
    }
}
