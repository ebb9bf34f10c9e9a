using KafkaDemo.Cli;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Producer;

[Collection(BrokerCollection.Name)]
public class ProducerCommandExitTests(BrokerFixture broker)
{
    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        CommandRunner.RunAsync(ProducerCommand.Create(_ => null), args);

    [Fact]
    public async Task Every_event_delivered_exits_0_with_a_line_per_delivery()
    {
        var topic = await broker.CreateTopicAsync("exit0", 3);

        var (exitCode, output, error) = await RunAsync("-b", broker.BootstrapServers, "-t", topic);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(9, output.Split('\n').Count(l => l.StartsWith("📨 Delivered (note_", StringComparison.Ordinal)));
        Assert.Contains("sent 9, delivered 9, failed 0", error);
    }

    [Fact]
    public async Task An_unreachable_broker_exits_1_within_the_connect_timeout()
    {
        var (exitCode, output, _) = await RunAsync("-b", "127.0.0.1:1", "--connect-timeout", "1s");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public async Task Explain_keys_reads_the_partition_count_from_the_topic()
    {
        var topic = await broker.CreateTopicAsync("explain", 5);

        var (exitCode, output, _) = await RunAsync("explain-keys", "a,b", "-b", broker.BootstrapServers, "-t", topic);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith("5 partitions;", output);
    }

    [Fact]
    public async Task Explain_keys_for_a_missing_topic_exits_1_and_does_not_create_it()
    {
        var topic = $"missing-{Guid.NewGuid():N}";

        var (exitCode, _, error) = await RunAsync("explain-keys", "a", "-b", broker.BootstrapServers, "-t", topic);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains($"topic {topic} was not found", error);
        var (_, _, again) = await RunAsync("explain-keys", "a", "-b", broker.BootstrapServers, "-t", topic);
        Assert.Contains("was not found", again);
    }

    [Fact]
    public async Task Explain_keys_with_a_setting_librdkafka_refuses_exits_2_on_one_line_without_its_secret()
    {
        var (exitCode, output, error) = await RunAsync("explain-keys", "a", "-b", broker.BootstrapServers, "-X", "sasl.password=hunter2", "-X", "no.such.setting=1");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("no.such.setting", line);
        Assert.DoesNotContain("hunter2", error);
    }
}
