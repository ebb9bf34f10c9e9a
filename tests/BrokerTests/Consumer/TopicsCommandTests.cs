using System.Text.Json;
using KafkaDemo.Cli;
using KafkaDemo.Consumer;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Consumer;

[Collection(BrokerCollection.Name)]
public class TopicsCommandTests(BrokerFixture broker)
{
    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        RunAsync(_ => null, args);

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(Func<string, string?> environment, params string[] args) =>
        CommandRunner.RunAsync(ConsumerCommand.Create(environment), ["topics", .. args]);

    [Fact]
    public async Task Json_lists_the_brokers_and_the_topics_partitions_with_leaders_among_them_and_watermarks()
    {
        var topic = await broker.CreateTopicAsync("listed", 3);
        await new NoteProducer(new ProducerOptions(broker.BootstrapServers, topic, 9, TimeSpan.FromSeconds(30)) { Quiet = true }, new StringWriter(), new ListLogger())
            .RunAsync(CancellationToken.None);

        var (exitCode, output, _) = await RunAsync("-b", broker.BootstrapServers, "-t", topic, "-o", "json");

        Assert.Equal(ExitCodes.Success, exitCode);
        using var document = JsonDocument.Parse(output);
        var brokerIds = document.RootElement.GetProperty("brokers").EnumerateArray().Select(b => b.GetProperty("id").GetInt32()).ToList();
        var listed = Assert.Single(document.RootElement.GetProperty("topics").EnumerateArray());
        Assert.Equal(topic, listed.GetProperty("name").GetString());
        var partitions = listed.GetProperty("partitions").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], partitions.Select(p => p.GetProperty("partition").GetInt32()));
        Assert.All(partitions, p => Assert.Contains(p.GetProperty("leader").GetInt32(), brokerIds));
        Assert.Equal(9, partitions.Sum(p => p.GetProperty("high").GetInt64() - p.GetProperty("low").GetInt64()));
    }

    [Fact]
    public async Task Without_a_topic_every_topic_is_listed_and_internal_ones_are_hidden()
    {
        var topic = await broker.CreateTopicAsync("all-listed", 2);

        var (exitCode, output, _) = await RunAsync("-b", broker.BootstrapServers);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains($"Topic {topic} (2 partitions):", output);
        Assert.DoesNotContain("Topic __", output);
    }

    [Fact]
    public async Task A_topic_that_does_not_exist_is_one_line_and_exit_1()
    {
        var (exitCode, output, error) = await RunAsync("-b", broker.BootstrapServers, "-t", $"absent-{Guid.NewGuid():N}");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task A_topic_named_in_KAFKA_TOPIC_narrows_the_listing_as_a_typed_one_does()
    {
        var named = await broker.CreateTopicAsync("env-named", 1);
        var other = await broker.CreateTopicAsync("env-other", 1);

        var (exitCode, output, error) = await RunAsync(name => name == "KAFKA_TOPIC" ? named : null, "-b", broker.BootstrapServers);

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains($"Topic {named} (1 partition", output);
        Assert.DoesNotContain(other, output);
    }

    [Fact]
    public async Task An_empty_KAFKA_TOPIC_counts_as_unset_and_every_topic_is_listed()
    {
        var topic = await broker.CreateTopicAsync("env-empty", 1);

        var (exitCode, output, error) = await RunAsync(name => name == "KAFKA_TOPIC" ? " " : null, "-b", broker.BootstrapServers);

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains($"Topic {topic} (1 partition", output);
    }
}
