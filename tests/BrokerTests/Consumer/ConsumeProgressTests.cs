using System.Text.RegularExpressions;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Consumer;

// The Consumer's progress line as a person sees it: on a terminal's bottom row while it runs,
// gone when it stops; never on a pipe.
[Collection(BrokerCollection.Name)]
public partial class ConsumeProgressTests(BrokerFixture broker)
{
    [GeneratedRegex(@"^consuming: \d+ s, consumed (?<consumed>\d+), \d+ msg/s, lag (?<lag>\d+)$")]
    private static partial Regex ProgressLine();

    private async Task<string> TopicWithAsync(int messages)
    {
        var topic = await broker.CreateTopicAsync("progress", 2);
        await new NoteProducer(new ProducerOptions(broker.BootstrapServers, topic, messages, TimeSpan.FromSeconds(30)) { Quiet = true }, new StringWriter(), new ListLogger())
            .RunAsync(CancellationToken.None);
        return topic;
    }

    [SkippableFact]
    public async Task On_a_terminal_the_bottom_row_counts_what_was_consumed_and_the_lag_and_is_cleared_at_the_end()
    {
        Skip.If(TmuxPane.Executable is null, TmuxPane.MissingReason);
        var topic = await TopicWithAsync(40);
        using var pane = TmuxPane.Start();

        // Messages on stdout scroll on the same terminal above the line; it waits for more until Ctrl+C.
        pane.Run("KafkaDemo.Consumer", ["-b", broker.BootstrapServers, "-t", topic, "-g", $"g-{topic}"], TmuxPane.PrintExitCode);
        var rows = await pane.WaitUntilAsync(r => ProgressLine().Match(r[^1]) is { Success: true } m && m.Groups["consumed"].Value == "40" && m.Groups["lag"].Value == "0",
            "consumed 40, lag 0 on the bottom row");

        Assert.Equal(1, rows.Count(r => r.StartsWith("consuming:", StringComparison.Ordinal)));
        Assert.Contains(rows, r => r.StartsWith("✅ JSON", StringComparison.Ordinal));

        pane.Interrupt();
        Assert.Equal(0, await pane.ExitCodeAsync());
        var after = pane.Rows();
        Assert.Contains(after, r => r.Contains("Summary: consumed 40,", StringComparison.Ordinal));
        Assert.DoesNotContain(after, r => r.StartsWith("consuming:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_a_pipe_there_is_no_progress_line_and_no_escape_code_only_the_usual_lines()
    {
        var topic = await TopicWithAsync(10);

        // Idle for 3 s after the last message: long enough that a terminal would have shown the line.
        var (exitCode, stdout, stderr) = await ProgramProcess.RunAsync("KafkaDemo.Consumer", $"-b {broker.BootstrapServers} -t {topic} -g g-{topic} --idle-timeout 3s");

        Assert.True(exitCode == 0, stderr);
        Assert.DoesNotContain('\u001b', stdout + stderr);
        Assert.DoesNotContain("consuming:", stderr);
        Assert.Equal(10, stdout.Split('\n').Count(l => l.StartsWith("✅ JSON", StringComparison.Ordinal)));
        Assert.Contains("Summary: consumed 10, shown 10, filtered out 0, invalid 0, sent to DLQ 0 in ", stderr);
    }
}
