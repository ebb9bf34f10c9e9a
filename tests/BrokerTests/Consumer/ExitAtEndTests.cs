using System.Text.Json;
using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.Lag;
using KafkaDemo.Producer.Keys;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Consumer;

// --exit-at-end runs end by themselves: each run is bounded, so a run that never ends fails the
// test instead of hanging the suite.
[Collection(BrokerCollection.Name)]
public class ExitAtEndTests(BrokerFixture broker)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private Task Produce(string topic, int count, int? partition = null) =>
        new NoteProducer(new ProducerOptions(broker.BootstrapServers, topic, count, TimeSpan.FromSeconds(30)) { Partition = partition, KeyStrategy = KeyStrategy.Uuid, Quiet = true },
            new StringWriter(), new ListLogger()).RunAsync(CancellationToken.None);

    private static Task<(int ExitCode, string Output, string Error)> Consume(params string[] args) =>
        CommandRunner.RunAsync(ConsumerCommand.Create(_ => null), args).WaitAsync(Bound);

    private static IEnumerable<int> EventIds(string output) =>
        output.Split('\n').Where(line => line.StartsWith("✅ JSON (", StringComparison.Ordinal))
            .Select(line => JsonDocument.Parse(line[(line.IndexOf('→') + 2)..]).RootElement.GetProperty("id").GetInt32());

    private static int Shown(string output) => output.Split('\n').Count(line => line.StartsWith("✅ JSON (", StringComparison.Ordinal));

    [Fact]
    public async Task A_consumer_stops_with_exit_0_once_every_partition_is_read_empty_ones_included()
    {
        var topic = await broker.CreateTopicAsync("to-end", 4);
        await Produce(topic, 9, partition: 0);

        var (exitCode, output, _) = await Consume("-b", broker.BootstrapServers, "-t", topic, "-g", topic, "--exit-at-end");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(9, Shown(output));
    }

    [Fact]
    public async Task A_group_of_three_instances_reads_everything_commits_it_all_and_stops_by_itself()
    {
        var topic = await broker.CreateTopicAsync("to-end-group", 6);
        await Produce(topic, 300);

        // Instances that join after the group's first rebalance make the embedded broker wait a
        // session timeout less 1 s before rebalancing again; 6 s keeps that short on a busy machine.
        var (exitCode, output, _) = await Consume("-b", broker.BootstrapServers, "-t", topic, "-g", topic, "--instances", "3", "--exit-at-end", "-X", "session.timeout.ms=6000");

        // Group mode is at least once: a partition moved while the group forms may be read again
        // from its last commit, so every event is shown, some perhaps twice.
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(Enumerable.Range(1, 300), EventIds(output).Distinct().Order());
        var rows = GroupLag.Measure(ConsumerConfigFactory.Create(new ConsumerOptions(broker.BootstrapServers, [topic], topic)), [topic], TimeSpan.FromSeconds(10));
        Assert.All(rows, row => Assert.Equal(0, row.Lag));
    }

    [Fact]
    public async Task A_group_that_has_read_everything_already_stops_at_once_showing_nothing()
    {
        var topic = await broker.CreateTopicAsync("to-end-again", 2);
        await Produce(topic, 6);
        await Consume("-b", broker.BootstrapServers, "-t", topic, "-p", "0", "-p", "1", "-g", topic, "-n", "6", "--idle-timeout", "60s");
        var (exitCode, output, _) = await Consume("-b", broker.BootstrapServers, "-t", topic, "-p", "0", "-p", "1", "-g", topic, "--from", "committed", "--exit-at-end");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(0, Shown(output));
    }

    [Fact]
    public async Task Raw_output_and_a_format_string_pipe_the_values_and_nothing_else()
    {
        var topic = await broker.CreateTopicAsync("to-end-pipe", 1);
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, ["a:one", "b:two", "c:"]);
        await CommandRunner.RunAsync(ProducerCommand.Create(_ => null), "-b", broker.BootstrapServers, "-t", topic, "--input", file, "--key-separator", ":", "--null-marker", "", "-q");

        var raw = await Consume("-b", broker.BootstrapServers, "-t", topic, "-g", $"{topic}-raw", "-o", "raw", "--exit-at-end");
        var formatted = await Consume("-b", broker.BootstrapServers, "-t", topic, "-g", $"{topic}-f", "--format", @"%k=%s (%S)\n", "--exit-at-end");

        Assert.Equal((ExitCodes.Success, "one\ntwo\n\n"), (raw.ExitCode, raw.Output));
        Assert.Equal((ExitCodes.Success, "a=one (3)\nb=two (3)\nc= (-1)\n"), (formatted.ExitCode, formatted.Output));
    }

    [Fact]
    public async Task With_a_manual_assignment_only_the_assigned_partition_has_to_be_read()
    {
        var topic = await broker.CreateTopicAsync("to-end-manual", 3);
        await Produce(topic, 5, partition: 1);
        await Produce(topic, 4, partition: 2);

        var (exitCode, output, _) = await Consume("-b", broker.BootstrapServers, "-t", topic, "-p", "1", "--exit-at-end");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(5, Shown(output));
    }

    // A group with a live member refuses commits from a consumer outside it (Unknown member), on
    // the embedded broker as on a real Kafka. The run was bounded by --idle-timeout so that,
    // before it could end at the end, it ended by going idle instead of hanging the suite.
    [Fact]
    public async Task A_run_outside_a_group_with_a_live_member_ends_at_the_end_and_says_once_that_its_offsets_were_refused()
    {
        var topic = await broker.CreateTopicAsync("to-end-outside", 3);
        await Produce(topic, 9);
        using var member = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = topic })
            .SetLogHandler((_, _) => { }).Build();
        member.Subscribe(topic);
        using var stopMember = new CancellationTokenSource();
        var polling = Task.Run(() =>
        {
            while (!stopMember.IsCancellationRequested)
            {
                _ = member.Consume(TimeSpan.FromMilliseconds(100));
            }
        });
        await Eventually.HoldsAsync(() => member.Assignment.Count > 0, "the group's member holds partitions", TimeSpan.FromSeconds(60));

        var logger = new ListLogger();
        var options = new ConsumerOptions(broker.BootstrapServers, [topic], topic)
        {
            Assignment = [.. Enumerable.Range(0, 3).Select(p => new PartitionAssignment(topic, p, null))],
            ExitAtEnd = true,
            IdleTimeout = TimeSpan.FromSeconds(60),
        };
        var summary = await new NoteConsumer(options, new StringWriter(), logger).RunAsync(CancellationToken.None).WaitAsync(Bound);
        await stopMember.CancelAsync();
        await polling;
        member.Close();

        Assert.True(summary.Succeeded);
        Assert.Equal(9, summary.Shown);
        Assert.Contains(logger.Entries, e => e.Text == "Read every partition to its end; stopped");
        Assert.Single(logger.Entries, e => e.Text.Contains("refuses commits", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Entries, e => e.Text.Contains("failed", StringComparison.Ordinal));
    }
}
