using System.Diagnostics;
using KafkaDemo.LocalBroker;

namespace KafkaDemo.UnitTests.Cli.Completion;

/// <summary>
/// Drives a shell through the scripts that <c>completion &lt;shell&gt;</c> prints, with the
/// programs built beside these tests first on PATH: the shell's driver sources both programs'
/// scripts, completes each line of <c>COMPLETE_LINES</c> and prints the candidates, then <c>--</c>.
/// </summary>
internal static class CompletionShell
{
    /// <summary>The topic the embedded cluster holds, which completion must offer after <c>-t</c>.</summary>
    public const string Topic = "completion-topic";

    /// <summary>The lines completed in every shell, and what each must offer.</summary>
    public static IReadOnlyList<(string Line, string[] Expected)> Cases(string bootstrapServers) =>
    [
        ("KafkaDemo.Producer --comp", ["--compact", "--compression"]),
        ("KafkaDemo.Consumer res", ["reset-offsets"]),
        ("KafkaDemo.Consumer --isolation-level read_", ["read_committed", "read_uncommitted"]),
        ("KafkaDemo.Producer completion z", ["zsh"]),
        ($"KafkaDemo.Consumer -b {bootstrapServers} -t completion-", [Topic]),
    ];

    /// <summary>The path of <paramref name="shell"/> on PATH, or null.</summary>
    public static string? Find(string shell) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, shell))
            .FirstOrDefault(File.Exists);

    /// <summary>
    /// Starts an embedded cluster holding <see cref="Topic"/>, runs the driver, and checks that each
    /// case completed to exactly what it expects (in any order: shells sort as they like).
    /// </summary>
    public static async Task AssertCompletesAsync(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        using var cluster = MockCluster.Start(1);
        cluster.CreateTopic(Topic, 1);
        var cases = Cases(cluster.BootstrapServers);

        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        start.Environment["PATH"] = AppContext.BaseDirectory + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["COMPLETE_LINES"] = string.Join('\n', cases.Select(c => c.Line));
        start.Environment.Remove("KAFKA_BOOTSTRAP_SERVERS");

        using var shell = Process.Start(start)!;
        shell.StandardInput.Close();
        var output = shell.StandardOutput.ReadToEndAsync();
        var error = shell.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await shell.WaitForExitAsync(timeout.Token);
        Assert.True(shell.ExitCode == 0, $"{fileName} exited {shell.ExitCode}: {await error}");

        var groups = Groups(await output);
        Assert.Equal(cases.Count, groups.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            Assert.Equal($"{cases[i].Line} => {string.Join(' ', cases[i].Expected.Order())}", $"{cases[i].Line} => {string.Join(' ', groups[i].Order())}");
        }
    }

    private static List<List<string>> Groups(string output)
    {
        var groups = new List<List<string>> { new() };
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line == "--")
            {
                groups.Add([]);
            }
            else
            {
                groups[^1].Add(line);
            }
        }

        groups.RemoveAt(groups.Count - 1);
        return groups;
    }
}
