using System.Diagnostics;
using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Common.Events;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.Lag;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Consumer;

// --filter through the real Consumer: only matching messages reach stdout, the rest are counted as
// filtered in the summary, and the group's committed offsets still move past them. Every run ends
// by itself (--exit-at-end) and is bounded, so a run that never ends fails instead of hanging.
[Collection(BrokerCollection.Name)]
public class FilterTests(BrokerFixture broker)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private IReadOnlyList<PartitionLag> Committed(string topic, string group) =>
        GroupLag.Measure(new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = group }, [topic], TimeSpan.FromSeconds(10));

    [Fact]
    public async Task The_consumer_process_shows_only_matching_messages_and_commits_past_the_filtered_ones_at_the_end()
    {
        var topic = await broker.CreateTopicAsync("filter-keys", 1);
        var input = Path.GetTempFileName();
        await File.WriteAllLinesAsync(input, ["user-1:one", "admin:two", "user-2:skip me", "user-3:three", "admin:four", "user-4:skip too"]);
        var produced = await CommandRunner.RunAsync(ProducerCommand.Create(_ => null), "-b", broker.BootstrapServers, "-t", topic, "--input", input, "--key-separator", ":", "-q");
        Assert.Equal(ExitCodes.Success, produced.ExitCode);
        var group = $"g-{topic}";

        using var process = Process.Start(Programs.Start("KafkaDemo.Consumer",
            ["-b", broker.BootstrapServers, "-t", topic, "-g", group, "--filter", "key=user-*", "--filter", "!value~skip", "-o", "raw", "--exit-at-end"]))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Bound);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(ExitCodes.Success, process.ExitCode);
        Assert.Equal("one\nthree\n", await output);
        Assert.Contains("consumed 6, shown 2, filtered out 4,", await error, StringComparison.Ordinal);
        // The last two messages were filtered out; the committed offset is still the log end.
        var partition = Assert.Single(Committed(topic, group));
        Assert.Equal((6L, 6L), (partition.Committed, partition.LogEnd));
    }

    [Fact]
    public async Task A_header_filter_and_the_event_type_shorthand_together_show_only_messages_passing_both()
    {
        var topic = await broker.CreateTopicAsync("filter-headers", 3);
        foreach (var source in new[] { "batch-a", "batch-b" })
        {
            await new NoteProducer(new ProducerOptions(broker.BootstrapServers, topic, 9, TimeSpan.FromSeconds(30)) { Headers = [KeyValuePair.Create("source", source)], Quiet = true },
                new StringWriter(), new ListLogger()).RunAsync(CancellationToken.None);
        }

        var group = $"g-{topic}";
        var (exitCode, output, error) = await CommandRunner.RunAsync(ConsumerCommand.Create(_ => null),
            "-b", broker.BootstrapServers, "-t", topic, "-g", group, "--filter", "header:source=*-a", "-e", NoteEventTypes.Deleted, "--exit-at-end").WaitAsync(Bound);

        Assert.Equal(ExitCodes.Success, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line =>
        {
            Assert.StartsWith("✅ JSON (note_deleted) | key=note_deleted |", line);
            Assert.Contains("| headers=source:batch-a → ", line);
        });
        Assert.Contains("consumed 18, shown 3, filtered out 15,", error, StringComparison.Ordinal);
        Assert.All(Committed(topic, group), row => Assert.Equal(row.LogEnd, row.Committed ?? 0));
    }

    [Fact]
    public async Task A_json_field_filter_reads_protobuf_events_as_it_reads_json_ones()
    {
        var topic = await broker.CreateTopicAsync("filter-json", 2);
        foreach (var format in new[] { NoteEventFormat.Json, NoteEventFormat.Protobuf })
        {
            await new NoteProducer(new ProducerOptions(broker.BootstrapServers, topic, 6, TimeSpan.FromSeconds(30)) { Format = format, Quiet = true },
                new StringWriter(), new ListLogger()).RunAsync(CancellationToken.None);
        }

        var group = $"g-{topic}";
        var (exitCode, output, error) = await CommandRunner.RunAsync(ConsumerCommand.Create(_ => null),
            "-b", broker.BootstrapServers, "-t", topic, "-g", group, "--filter", "json:text~^Note 2 ", "--filter", "json:id!=5", "--exit-at-end").WaitAsync(Bound);

        Assert.Equal(ExitCodes.Success, exitCode);
        // Events 4 and 6 of each run: "Note 2 created" and "Note 2 deleted"; 5 is left out by id.
        var shown = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, shown.Length);
        Assert.Equal(2, shown.Count(line => line.StartsWith("🧬 Protobuf (", StringComparison.Ordinal)));
        Assert.Equal(2, shown.Count(line => line.Contains("\"text\":\"Note 2 created\"", StringComparison.Ordinal)));
        Assert.Equal(2, shown.Count(line => line.Contains("\"text\":\"Note 2 deleted\"", StringComparison.Ordinal)));
        Assert.Contains("consumed 12, shown 4, filtered out 8,", error, StringComparison.Ordinal);
        Assert.All(Committed(topic, group), row => Assert.Equal(row.LogEnd, row.Committed ?? 0));
    }
}
