using System.Diagnostics;

namespace KafkaDemo.BrokerTests;

/// <summary>Runs one of the real programs (copied beside the tests) as a process, capturing stdout and stderr apart.</summary>
public static class ProgramProcess
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string program, string arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = Programs.Start(program, arguments);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
