using System.Text.RegularExpressions;

namespace KafkaDemo.BrokerTests.Producer;

// The Producer's progress line as a person sees it: on a terminal's bottom row while it runs,
// with what is still to go; -q keeps its line every 5 s instead; never on a pipe.
[Collection(BrokerCollection.Name)]
public partial class ProduceProgressTests(BrokerFixture broker)
{
    [GeneratedRegex(@"^producing: \d+ s, delivered (?<delivered>\d+) of 100000 \((?<left>\d+) to go\), failed 0, \d+ msg/s$")]
    private static partial Regex ProgressLine();

    // The terminal echoes Ctrl+C as ^C where the cursor is: at the start of the summary's line.
    [GeneratedRegex(@"^(\^C)?Summary for \S+: sent (?<sent>\d+), delivered (?<delivered>\d+), failed 0 in ")]
    private static partial Regex Summary();

    [SkippableFact]
    public async Task On_a_terminal_the_bottom_row_counts_deliveries_and_what_is_left_until_ctrl_c()
    {
        Skip.If(TmuxPane.Executable is null, TmuxPane.MissingReason);
        var topic = await broker.CreateTopicAsync("produce-progress", 2);
        using var pane = TmuxPane.Start();

        pane.Run("KafkaDemo.Producer", ["-b", broker.BootstrapServers, "-t", topic, "-n", "100000", "--rate", "50"], " > /dev/null" + TmuxPane.PrintExitCode);
        var rows = await pane.WaitUntilAsync(r => ProgressLine().Match(r[^1]) is { Success: true } m && long.Parse(m.Groups["delivered"].Value) > 0,
            "a progress line with deliveries on the bottom row");
        var shown = ProgressLine().Match(rows[^1]);
        var delivered = long.Parse(shown.Groups["delivered"].Value);

        Assert.Equal(100000, delivered + long.Parse(shown.Groups["left"].Value));

        pane.Interrupt();
        Assert.Equal(0, await pane.ExitCodeAsync());
        var after = pane.Rows();
        var summary = after.Select(r => Summary().Match(r)).Single(m => m.Success);
        Assert.InRange(long.Parse(summary.Groups["delivered"].Value), delivered, 100000);
        Assert.DoesNotContain(after, r => r.StartsWith("producing:", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task On_a_terminal_quiet_keeps_its_line_every_5_s_and_draws_none()
    {
        Skip.If(TmuxPane.Executable is null, TmuxPane.MissingReason);
        var topic = await broker.CreateTopicAsync("produce-quiet", 2);
        using var pane = TmuxPane.Start();

        pane.Run("KafkaDemo.Producer", ["-b", broker.BootstrapServers, "-t", topic, "-n", "0", "--rate", "50", "-q"]);
        var rows = await pane.WaitUntilAsync(r => r.Any(row => row.StartsWith("progress: ", StringComparison.Ordinal)), "the quiet progress line");
        pane.Interrupt();

        Assert.DoesNotContain(rows, r => r.StartsWith("producing:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_a_pipe_there_is_no_progress_line_and_no_escape_code_only_the_usual_lines()
    {
        var topic = await broker.CreateTopicAsync("produce-pipe", 2);

        // 40 messages at 20 a second: 2 s, long enough that a terminal would have shown the line.
        var (exitCode, stdout, stderr) = await ProgramProcess.RunAsync("KafkaDemo.Producer", $"-b {broker.BootstrapServers} -t {topic} -n 40 --rate 20");

        Assert.True(exitCode == 0, stderr);
        Assert.DoesNotContain('\u001b', stdout + stderr);
        Assert.DoesNotContain("producing:", stderr);
        Assert.Equal(40, stdout.Split('\n').Count(l => l.StartsWith("📨 Delivered", StringComparison.Ordinal)));
        Assert.Contains(stderr.Split('\n'), l => Summary().Match(l) is { Success: true } m && m.Groups["delivered"].Value == "40");
    }
}
