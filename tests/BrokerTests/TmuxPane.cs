using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace KafkaDemo.BrokerTests;

/// <summary>
/// A terminal a person would look at: a detached tmux session of its own (its own server socket),
/// a shell in its one pane, commands typed into it, and what the pane shows read back with
/// <c>capture-pane</c>. <c>./build.sh test</c> installs tmux where it can; tests skip without it.
/// </summary>
public sealed partial class TmuxPane : IDisposable
{
    /// <summary>The tmux executable, or null where it is not installed.</summary>
    public static readonly string? Executable = new[] { "/usr/bin/tmux", "/usr/local/bin/tmux" }.FirstOrDefault(File.Exists);

    /// <summary>Why the terminal tests skip, when they do.</summary>
    public const string MissingReason = "tmux is not installed (apt-get install tmux; ./build.sh test installs it where it can)";

    private readonly string _socket = Path.Combine(Path.GetTempPath(), $"kafkademo-tmux-{Guid.NewGuid():N}");

    private TmuxPane()
    {
    }

    /// <summary>Starts a <paramref name="width"/>×<paramref name="height"/> pane running a plain bash.</summary>
    public static TmuxPane Start(int width = 200, int height = 30)
    {
        var pane = new TmuxPane();
        pane.Tmux("new-session", "-d", "-s", "main", "-x", $"{width}", "-y", $"{height}", "-e", "PS1=$ ", "bash --norc --noprofile");
        return pane;
    }

    /// <summary>Types <paramref name="commandLine"/> and Enter.</summary>
    public void Type(string commandLine)
    {
        Tmux("send-keys", "-t", "main", "-l", commandLine);
        Tmux("send-keys", "-t", "main", "Enter");
    }

    /// <summary>Types the program's command line (as the tests start it: native or through dotnet), then <paramref name="shellTail"/>, then Enter.</summary>
    public void Run(string program, IEnumerable<string> arguments, string shellTail = "")
    {
        var start = Programs.Start(program, arguments);
        Type(string.Join(' ', new[] { start.FileName }.Concat(start.ArgumentList).Select(Quote)) + shellTail);
    }

    /// <summary>What to type after a command so that <see cref="ExitCodeAsync"/> can read its exit code off the pane.</summary>
    public const string PrintExitCode = "; echo \"exit=$?\"";

    /// <summary>Waits until the pane shows the line <see cref="PrintExitCode"/> prints; the exit code on it.</summary>
    public async Task<int> ExitCodeAsync()
    {
        // The terminal echoes Ctrl+C as ^C where the cursor is, which may be the start of that line.
        var rows = await WaitUntilAsync(r => r.Any(row => ExitLine().IsMatch(row)), "the exit code");
        return int.Parse(rows.Select(row => ExitLine().Match(row)).First(m => m.Success).Groups["code"].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(\^C)?exit=(?<code>\d+)$")]
    private static partial Regex ExitLine();

    /// <summary>Ctrl+C, as a person presses it: SIGINT to the pane's foreground process group.</summary>
    public void Interrupt() => Tmux("send-keys", "-t", "main", "C-c");

    /// <summary>The pane's rows as shown now, top to bottom, the empty ones too.</summary>
    public IReadOnlyList<string> Rows()
    {
        var shown = Tmux("capture-pane", "-p", "-t", "main");
        return (shown.EndsWith('\n') ? shown[..^1] : shown).Split('\n');
    }

    /// <summary>Waits until the pane shows what <paramref name="shows"/> looks for; the rows then.</summary>
    public async Task<IReadOnlyList<string>> WaitUntilAsync(Func<IReadOnlyList<string>, bool> shows, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var rows = Rows();
            if (shows(rows))
            {
                return rows;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"The pane never showed {what}; it shows:\n{string.Join('\n', rows)}");
            }

            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        try
        {
            Tmux("kill-server");
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        File.Delete(_socket);
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private string Tmux(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException(MissingReason))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-S");
        start.ArgumentList.Add(_socket);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} failed: {error}");
        }

        return output.Result;
    }
}
