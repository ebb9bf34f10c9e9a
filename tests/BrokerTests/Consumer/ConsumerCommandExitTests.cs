using KafkaDemo.Cli;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.Lag;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Consumer;

[Collection(BrokerCollection.Name)]
public class ConsumerCommandExitTests(BrokerFixture broker)
{
    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        CommandRunner.RunAsync(ConsumerCommand.Create(_ => null), args);

    [Fact]
    public async Task A_missing_topic_exits_1_at_once()
    {
        var (exitCode, output, _) = await RunAsync("-b", broker.BootstrapServers, "-t", $"absent-{Guid.NewGuid():N}");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public async Task An_unreachable_broker_exits_1_within_the_connect_timeout()
    {
        var (exitCode, _, _) = await RunAsync("-b", "127.0.0.1:1", "--connect-timeout", "1s");

        Assert.Equal(ExitCodes.Failure, exitCode);
    }

    [Fact]
    public async Task Jsonl_output_replayed_by_the_producer_copies_a_topic_message_for_message()
    {
        var source = await broker.CreateTopicAsync("copy-src", 3);
        var target = await broker.CreateTopicAsync("copy-dst", 3);
        await new NoteProducer(new ProducerOptions(broker.BootstrapServers, source, 12, TimeSpan.FromSeconds(30)) { Headers = [KeyValuePair.Create("h", "v")], Quiet = true },
            new StringWriter(), new ListLogger()).RunAsync(CancellationToken.None);

        var (exitCode, dump, _) = await RunAsync("-b", broker.BootstrapServers, "-t", source, "-o", "jsonl", "-n", "12", "--idle-timeout", "60s");
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, dump);
        var replay = await CommandLineHost.InvokeAsync(ProducerCommand.Create(_ => null),
            ["-b", broker.BootstrapServers, "-t", target, "--input", file, "--input-format", "jsonl", "--keep-partitions", "-q"], new StringWriter(), new StringWriter());

        Assert.Equal((0, 0), (exitCode, replay));
        var original = TopicReader.ReadAll(broker.BootstrapServers, source, 12).OrderBy(r => (r.Partition.Value, r.Offset.Value)).ToList();
        var copy = TopicReader.ReadAll(broker.BootstrapServers, target, 12).OrderBy(r => (r.Partition.Value, r.Offset.Value)).ToList();
        Assert.Equal(original.Select(r => (r.Partition.Value, r.Offset.Value, r.Message.Timestamp.UnixTimestampMs)), copy.Select(r => (r.Partition.Value, r.Offset.Value, r.Message.Timestamp.UnixTimestampMs)));
        Assert.Equal(original.Select(r => (r.Message.Key, r.Message.Value)), copy.Select(r => (r.Message.Key, r.Message.Value)));
        Assert.Equal(original.Select(r => r.Message.Headers.Select(h => (h.Key, h.GetValueBytes())).ToList()), copy.Select(r => r.Message.Headers.Select(h => (h.Key, h.GetValueBytes())).ToList()));
    }

    [Fact]
    public async Task A_reader_that_goes_away_like_head_stops_the_consumer_with_exit_1_and_commits_only_what_it_wrote()
    {
        var topic = await broker.CreateTopicAsync("closed-pipe", 1);
        await new NoteProducer(new ProducerOptions(broker.BootstrapServers, topic, 3000, TimeSpan.FromSeconds(30)) { Quiet = true }, new StringWriter(), new ListLogger())
            .RunAsync(CancellationToken.None);
        var group = $"g-{topic}";
        var start = Programs.Start("KafkaDemo.Consumer", $"-b {broker.BootstrapServers} -t {topic} -g {group} -n 3000 --idle-timeout 60s");

        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var firstLines = new[] { await process.StandardOutput.ReadLineAsync(), await process.StandardOutput.ReadLineAsync() };
        process.StandardOutput.Close(); // what head -n 2 does once it has its lines
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.All(firstLines, line => Assert.StartsWith("✅ JSON (", line));
        Assert.Equal(ExitCodes.Failure, process.ExitCode);
        Assert.Contains("cannot write to the output", await error, StringComparison.Ordinal);
        var committed = GroupLag.Measure(new Confluent.Kafka.ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = group }, [topic], TimeSpan.FromSeconds(10))
            .Single().Committed ?? 0;
        Assert.InRange(committed, 0, 2999);
    }

    [Fact]
    public async Task The_lag_subcommand_prints_a_table_and_exits_0()
    {
        var topic = await broker.CreateTopicAsync("lag-cmd", 2);

        var (exitCode, output, _) = await RunAsync("lag", "-b", broker.BootstrapServers, "-t", topic, "-g", "nobody");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith("Group nobody", output);
        Assert.Contains("TOPIC", output);
        Assert.Contains("Total lag: unknown", output);
    }
}
