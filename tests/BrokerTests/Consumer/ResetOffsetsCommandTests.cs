using KafkaDemo.Cli;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.Lag;
using KafkaDemo.Producer.Keys;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Consumer;

[Collection(BrokerCollection.Name)]
public class ResetOffsetsCommandTests(BrokerFixture broker)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private async Task<string> TopicReadBy(string group, int read)
    {
        var topic = await broker.CreateTopicAsync("reset", 2);
        await new NoteProducer(new ProducerOptions(broker.BootstrapServers, topic, 10, TimeSpan.FromSeconds(30)) { KeyStrategy = KeyStrategy.Uuid, Quiet = true },
            new StringWriter(), new ListLogger()).RunAsync(CancellationToken.None);
        await CommandRunner.RunAsync(ConsumerCommand.Create(_ => null), "-b", broker.BootstrapServers, "-t", topic, "-g", group, "-n", read.ToString(System.Globalization.CultureInfo.InvariantCulture), "--idle-timeout", "60s", "-X", "session.timeout.ms=6000")
            .WaitAsync(Bound);
        return topic;
    }

    private long?[] Committed(string topic, string group) =>
        [.. GroupLag.Measure(ConsumerConfigFactory.Create(new ConsumerOptions(broker.BootstrapServers, [topic], group)), [topic], TimeSpan.FromSeconds(10)).Select(r => r.Committed)];

    private Task<(int ExitCode, string Output, string Error)> Reset(string topic, string group, params string[] args) =>
        CommandRunner.RunAsync(ConsumerCommand.Create(_ => null), ["reset-offsets", "-b", broker.BootstrapServers, "-t", topic, "-g", group, .. args]).WaitAsync(Bound);

    [Fact]
    public async Task Without_execute_the_plan_is_printed_and_nothing_changes()
    {
        var group = $"g-{Guid.NewGuid():N}";
        var topic = await TopicReadBy(group, 10);
        var before = Committed(topic, group);

        var (exitCode, output, _) = await Reset(topic, group, "--to", "earliest");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith($"Group {group}: reset plan (dry run", output);
        Assert.Equal(before, Committed(topic, group));
    }

    [Fact]
    public async Task Execute_moves_every_partition_to_earliest_and_a_shift_moves_them_on()
    {
        var group = $"g-{Guid.NewGuid():N}";
        var topic = await TopicReadBy(group, 10);

        var (toEarliest, _, _) = await Reset(topic, group, "--to", "earliest", "--execute");
        Assert.Equal([0L, 0L], Committed(topic, group));
        var (shifted, output, _) = await Reset(topic, group, "--to", "+1", "--execute");

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (toEarliest, shifted));
        Assert.Equal([1L, 1L], Committed(topic, group));
        Assert.StartsWith($"Group {group}: offsets reset", output);
    }

    [Fact]
    public async Task A_topic_that_does_not_exist_is_one_line_and_exit_1()
    {
        var (exitCode, output, error) = await Reset($"absent-{Guid.NewGuid():N}", "g", "--to", "latest");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd().Split('\n'));
    }
}
