using System.Diagnostics;
using Confluent.Kafka;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Consumer;

// `lag --watch` as a person sees it: in a terminal (a tmux pane) it redraws one table in place
// until Ctrl+C; on a pipe it prints a table per interval, with no escape codes.
[Collection(BrokerCollection.Name)]
public class LagWatchTests(BrokerFixture broker)
{
    // 5 messages in partition 0, none in 1, 3 in 2; the group has committed 2 in 0 and 3 in 2.
    private async Task<(string Topic, string Group)> GroupHalfwayAsync()
    {
        var topic = await broker.CreateTopicAsync("lag-watch", 3);
        foreach (var (partition, count) in new[] { (0, 5), (2, 3) })
        {
            await new NoteProducer(new ProducerOptions(broker.BootstrapServers, topic, count, TimeSpan.FromSeconds(30)) { Partition = partition, Quiet = true },
                new StringWriter(), new ListLogger()).RunAsync(CancellationToken.None);
        }

        var group = $"g-{topic}";
        Commit(group, topic, (0, 2), (2, 3));
        return (topic, group);
    }

    private void Commit(string group, string topic, params (int Partition, long Offset)[] offsets)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = group }).Build();
        consumer.Commit(offsets.Select(o => new TopicPartitionOffset(topic, o.Partition, o.Offset)));
    }

    // A partition's row: log-end, committed and lag (the figure after its bar).
    private static (string LogEnd, string Committed, string Lag) Row(IEnumerable<string> lines, string topic, int partition)
    {
        var words = lines.Single(l => l.StartsWith($"{topic} ", StringComparison.Ordinal) && l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] == $"{partition}")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (words[2], words[3], words[^1]);
    }

    [SkippableFact]
    public async Task On_a_terminal_it_redraws_one_table_in_place_with_every_partition_until_ctrl_c_then_exits_0()
    {
        Skip.If(TmuxPane.Executable is null, TmuxPane.MissingReason);
        var (topic, group) = await GroupHalfwayAsync();
        using var pane = TmuxPane.Start();

        pane.Run("KafkaDemo.Consumer", ["lag", "--watch", "300ms", "-b", broker.BootstrapServers, "-t", topic, "-g", group], TmuxPane.PrintExitCode);
        var first = await pane.WaitUntilAsync(rows => rows.Any(r => r.StartsWith("Total lag: 3", StringComparison.Ordinal)), "the lag table");

        Assert.Equal(("5", "2", "3"), Row(first, topic, 0));
        Assert.Equal(("0", "-", "-"), Row(first, topic, 1));
        Assert.Equal(("3", "3", "0"), Row(first, topic, 2));
        Assert.Contains(first, r => r.StartsWith($"Group {group}, every 300ms, at ", StringComparison.Ordinal));

        Commit(group, topic, (0, 5), (1, 0));
        var later = await pane.WaitUntilAsync(rows => rows.Any(r => r.StartsWith("Total lag: 0", StringComparison.Ordinal)), "the table redrawn with the new commits");

        Assert.Equal(("5", "5", "0"), Row(later, topic, 0));
        Assert.Equal(("0", "0", "0"), Row(later, topic, 1));
        // Redrawn in place: one title, one header, one total on the screen, not a table per interval.
        Assert.Single(later, r => r.StartsWith($"Group {group}", StringComparison.Ordinal));
        Assert.Single(later, r => r.StartsWith("TOPIC", StringComparison.Ordinal));
        Assert.Single(later, r => r.StartsWith("Total lag", StringComparison.Ordinal));

        pane.Interrupt();
        Assert.Equal(0, await pane.ExitCodeAsync());
    }

    [Fact]
    public async Task A_topic_that_does_not_exist_ends_the_watch_at_once_with_one_line_and_exit_1()
    {
        var topic = $"absent-{Guid.NewGuid():N}";

        var (exitCode, output, error) = await CommandRunner.RunAsync(KafkaDemo.Consumer.ConsumerCommand.Create(_ => null),
            "lag", "--watch", "-b", broker.BootstrapServers, "-t", topic, "-g", "g").WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Equal($"error: cannot measure the lag of group g: topic {topic} does not exist", error.Trim());
    }

    [Fact]
    public async Task On_a_pipe_it_prints_a_table_per_interval_a_blank_line_between_and_no_escape_codes_and_stops_on_SIGTERM()
    {
        var (topic, group) = await GroupHalfwayAsync();
        var start = Programs.Start("KafkaDemo.Consumer", ["lag", "--watch", "200ms", "-b", broker.BootstrapServers, "-t", topic, "-g", group]);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = new List<string>();
        // A bound on every wait: a program that stops writing, or does not stop, fails the test
        // instead of hanging the run.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (output.Count(l => l.StartsWith("Total lag", StringComparison.Ordinal)) < 3 && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                output.Add(line);
            }

            // SIGTERM, which the programs treat as Ctrl+C. Not SIGINT itself: a test run started
            // in the background of a non-interactive shell hands its children SIGINT ignored.
            using (var interrupt = Process.Start("kill", ["-TERM", $"{process.Id}"]))
            {
                await interrupt.WaitForExitAsync(timeout.Token);
            }

            output.AddRange((await process.StandardOutput.ReadToEndAsync(timeout.Token)).Split('\n', StringSplitOptions.None));
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            Assert.Fail($"lag --watch did not print three tables and stop within 60 s:\n{string.Join('\n', output)}");
        }

        Assert.True(process.ExitCode == 0, await error);
        var text = string.Join('\n', output);
        Assert.DoesNotContain('\u001b', text);
        var frames = text.Trim('\n').Split("\n\n");
        Assert.True(frames.Length >= 3, text);
        Assert.All(frames, frame =>
        {
            var lines = frame.Split('\n');
            Assert.StartsWith($"Group {group}, every 200ms, at ", lines[0]);
            Assert.Equal(("5", "2", "3"), Row(lines, topic, 0));
            Assert.Equal(("3", "3", "0"), Row(lines, topic, 2));
            Assert.StartsWith("Total lag: 3 (1 partition without a committed offset)", lines[^1]);
        });
    }
}
