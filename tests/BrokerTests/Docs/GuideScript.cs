using System.Text.RegularExpressions;

namespace KafkaDemo.BrokerTests.Docs;

/// <summary>
/// Reads a guide's commands in order, so that what the guide says is what the test runs. The
/// conventions, for whoever writes a guide:
/// <list type="bullet">
/// <item>Only <c>```bash</c> blocks are run; <c>```text</c>, <c>```properties</c> and the rest are prose.
/// A line ending in <c>\</c> continues on the next.</item>
/// <item><c># expect: REGEX</c> on its own line: the output (stdout and stderr) of the command above
/// matches the .NET regular expression. Every command must exit 0 unless <c># exit code: N</c> follows it.</item>
/// <item>A command whose comment is <c># terminal N</c> is one the reader starts in another terminal:
/// it runs in the background until the guide's end, then gets SIGTERM (which the programs treat as
/// Ctrl+C). <c># expect:</c> after it waits for its output; <c># expect in terminal N: REGEX</c> after a
/// later command waits for terminal N to print more, each match after the previous one there.</item>
/// <item><c>export NAME=value   # paste what it printed</c>: the value is the first line of one word the
/// last terminal printed (the embedded broker's address, among its log lines).</item>
/// <item>A block whose first line is <c># not tested: REASON</c> needs what the test cannot give (a
/// real Kafka, Docker, a SASL cluster): its commands are reported as not run, with the reason.</item>
/// </list>
/// </summary>
public static partial class GuideScript
{
    public static IReadOnlyList<GuideStep> Parse(string markdown)
    {
        var steps = new List<GuideStep>();
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = lines[i].TrimEnd();
            if (!fence.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var end = i + 1;
            while (end < lines.Length && !lines[end].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                end++;
            }

            if (fence.TrimStart() == "```bash")
            {
                ReadBlock(lines, i + 1, end, steps);
            }

            i = end;
        }

        return steps;
    }

    /// <summary>The command as bash runs it: a trailing <c># terminal N</c> or <c># paste …</c> comment removed.</summary>
    public static string Runnable(GuideStep step) => TrailingComment().Replace(step.Command, string.Empty);

    private static void ReadBlock(string[] lines, int start, int end, List<GuideStep> steps)
    {
        string? notRun = null;
        GuideStep? current = null;
        for (var i = start; i < end; i++)
        {
            var text = lines[i].Trim();
            var line = i + 1;
            while (text.EndsWith('\\') && i + 1 < end)
            {
                text = text[..^1].TrimEnd() + " " + lines[++i].Trim();
            }

            if (text.Length == 0)
            {
                continue;
            }

            if (!text.StartsWith('#'))
            {
                Flush(current, steps);
                current = new GuideStep(line, text) { NotRunReason = notRun };
                if (TerminalComment().Match(text) is { Success: true } terminal)
                {
                    current = current with { Terminal = int.Parse(terminal.Groups[1].Value) };
                }

                current = current with { PastesFromTerminal = PasteComment().IsMatch(text) };
                continue;
            }

            if (NotTested().Match(text) is { Success: true } reason)
            {
                notRun = current is null ? reason.Groups[1].Value : throw new FormatException($"line {line}: '# not tested:' must open its block");
            }
            else if (Expect().Match(text) is { Success: true } expect)
            {
                current = Required(current, line) with { Expectations = [.. current!.Expectations, expect.Groups[1].Value] };
            }
            else if (ExpectInTerminal().Match(text) is { Success: true } inTerminal)
            {
                current = Required(current, line) with
                {
                    TerminalExpectations = [.. current!.TerminalExpectations, (int.Parse(inTerminal.Groups[1].Value), inTerminal.Groups[2].Value)],
                };
            }
            else if (ExitCode().Match(text) is { Success: true } exit)
            {
                current = Required(current, line) with { ExpectedExitCode = int.Parse(exit.Groups[1].Value) };
            }
        }

        Flush(current, steps);
    }

    private static GuideStep Required(GuideStep? current, int line) =>
        current ?? throw new FormatException($"line {line}: a promise about a command must follow that command");

    private static void Flush(GuideStep? step, List<GuideStep> steps)
    {
        if (step is not null)
        {
            steps.Add(step);
        }
    }

    [GeneratedRegex(@"^#\s*not tested:\s*(.+)$")]
    private static partial Regex NotTested();

    [GeneratedRegex(@"^#\s*expect:\s*(.+)$")]
    private static partial Regex Expect();

    [GeneratedRegex(@"^#\s*expect in terminal (\d+):\s*(.+)$")]
    private static partial Regex ExpectInTerminal();

    [GeneratedRegex(@"^#\s*exit code:\s*(\d+)\s*$")]
    private static partial Regex ExitCode();

    [GeneratedRegex(@"\s#\s*terminal (\d+)\b[^'""]*$")]
    private static partial Regex TerminalComment();

    [GeneratedRegex(@"\s#\s*paste\b[^'""]*$")]
    private static partial Regex PasteComment();

    [GeneratedRegex(@"\s+#\s*(terminal \d+|paste)\b[^'""]*$")]
    private static partial Regex TrailingComment();
}
