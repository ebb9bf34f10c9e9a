using System.Diagnostics;
using System.Text.RegularExpressions;

namespace KafkaDemo.BrokerTests.Docs;

/// <summary>
/// Runs a guide's steps (<see cref="GuideScript"/>) in order in one <see cref="GuideShell"/>, checks
/// each exit code and promised output, stops at the first step that breaks a promise, and at the
/// end stops the terminals the guide started with SIGTERM, as a reader's Ctrl+C would.
/// </summary>
public static class GuideRunner
{
    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan TerminalLimit = TimeSpan.FromSeconds(60);

    public static async Task<GuideRun> RunAsync(string repository, string guide)
    {
        var run = new GuideRun(guide);
        var steps = GuideScript.Parse(await File.ReadAllTextAsync(Path.Combine(repository, guide)));
        if (MissingTools(steps) is { Count: > 0 } missing)
        {
            run.Failure = $"{guide} needs {string.Join(" and ", missing)} on PATH, as its reader does (apt-get install {string.Join(' ', missing)})";
            return run;
        }

        var work = Directory.CreateTempSubdirectory("kafkademo-guide-").FullName;
        var terminals = new Dictionary<int, GuideTerminal>();
        try
        {
            using var shell = GuideShell.Start(work);
            try
            {
                for (var k = 0; k < steps.Count && run.Failure is null; k++)
                {
                    var step = steps[k];
                    if (step.NotRunReason is { } reason)
                    {
                        run.NotRun.Add($"{step.Name} ({reason})");
                        continue;
                    }

                    var clock = Stopwatch.StartNew();
                    await RunStepAsync(shell, $"step{k:D2}", step, terminals, run);
                    run.Ran.Add($"{step.Name} ({clock.Elapsed.TotalSeconds:0.0} s)");
                }
            }
            finally
            {
                GuideProcesses.StopTerminals(terminals.Values, run);
                GuideProcesses.StopLeftovers(shell, run);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        return run;
    }

    private static async Task RunStepAsync(GuideShell shell, string id, GuideStep step, Dictionary<int, GuideTerminal> terminals, GuideRun run)
    {
        var command = GuideScript.Runnable(step);
        if (step.PastesFromTerminal)
        {
            var last = terminals.Values.LastOrDefault();
            var printed = last is null ? null : await FirstWordLineAsync(shell, last);
            if (printed is null)
            {
                run.Fail(step, "no terminal printed a line to paste", last is null ? string.Empty : shell.OutputOf(last.Id));
                return;
            }

            command = Regex.Replace(command, @"^(export\s+\w+=)\S+", m => m.Groups[1].Value + printed);
        }

        if (step.Terminal is not null)
        {
            command += $" &\necho $! > \"$GUIDE_WORK/{id}.pid\"";
        }

        var status = await shell.RunAsync(id, command, StepLimit);
        var output = shell.OutputOf(id);
        if (status is null)
        {
            run.Fail(step, $"did not end within {StepLimit.TotalSeconds} s", output);
            return;
        }

        if (step.Terminal is { } terminalNumber)
        {
            var terminal = new GuideTerminal(id, int.Parse(await File.ReadAllTextAsync(Path.Combine(shell.Work, id + ".pid"))));
            terminals[terminalNumber] = terminal;
            foreach (var pattern in step.Expectations)
            {
                await AwaitAsync(shell, terminal, terminalNumber, pattern, step, run);
            }
        }
        else
        {
            if (status != step.ExpectedExitCode)
            {
                run.Fail(step, $"exit code {status}, where the guide promises {step.ExpectedExitCode}", output);
                return;
            }

            foreach (var pattern in step.Expectations.Where(p => !Regex.IsMatch(output, p, RegexOptions.Multiline)))
            {
                run.Fail(step, $"its output does not match /{pattern}/", output);
                return;
            }
        }

        foreach (var (number, pattern) in step.TerminalExpectations)
        {
            if (!terminals.TryGetValue(number, out var terminal))
            {
                run.Fail(step, $"the guide expects output in terminal {number}, which it never started", string.Empty);
                return;
            }

            await AwaitAsync(shell, terminal, number, pattern, step, run);
        }
    }

    /// <summary>Waits for <paramref name="pattern"/> in a terminal's output after what earlier expectations matched there.</summary>
    private static async Task AwaitAsync(GuideShell shell, GuideTerminal terminal, int number, string pattern, GuideStep step, GuideRun run)
    {
        var regex = new Regex(pattern, RegexOptions.Multiline);
        var deadline = DateTime.UtcNow + TerminalLimit;
        while (run.Failure is null)
        {
            var output = shell.OutputOf(terminal.Id);
            if (regex.Match(output, Math.Min(terminal.Seen, output.Length)) is { Success: true } match)
            {
                terminal.Seen = match.Index + match.Length;
                return;
            }

            var alive = ProcessTree.WithDescendants(terminal.Pid).Any(ProcessTree.IsAlive);
            if (!alive || DateTime.UtcNow > deadline)
            {
                run.Fail(step, $"terminal {number} {(alive ? $"printed nothing matching /{pattern}/ within {TerminalLimit.TotalSeconds} s" : $"ended without printing anything matching /{pattern}/")}", output);
                return;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The first line of one word a terminal prints (the broker's address; its log lines go to the same terminal).</summary>
    private static async Task<string?> FirstWordLineAsync(GuideShell shell, GuideTerminal terminal)
    {
        var deadline = DateTime.UtcNow + TerminalLimit;
        while (DateTime.UtcNow < deadline)
        {
            var line = shell.OutputOf(terminal.Id).Split('\n').SkipLast(1).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.Any(char.IsWhiteSpace));
            if (line is not null)
            {
                return line;
            }

            await Task.Delay(100);
        }

        return null;
    }

    /// <summary>The tools beyond bash and the programs that the guide's steps call and this machine lacks.</summary>
    private static List<string> MissingTools(IReadOnlyList<GuideStep> steps)
    {
        string[] tools = ["sqlite3", "jq", "pkill"];
        var used = tools.Where(tool => steps.Any(s => s.NotRunReason is null && Regex.IsMatch(s.Command, $@"(^|[\s|;(]){tool}\s"))).ToList();
        return used.Where(tool => !(Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, tool)))).ToList();
    }
}
