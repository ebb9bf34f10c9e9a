using System.Diagnostics;
using System.Text;

namespace KafkaDemo.BrokerTests.Docs;

/// <summary>
/// One bash process (guide-shell.sh) that runs a guide's commands one after another, as a reader
/// types them into one terminal, in a work directory of its own, with the programs under test in
/// place of <c>dotnet run</c> and no KAFKA_* or CONSUMER_* variable of the test's environment.
/// </summary>
public sealed class GuideShell : IDisposable
{
    private readonly Process _bash;

    private GuideShell(Process bash, string work)
    {
        _bash = bash;
        Work = work;
    }

    public string Work { get; }

    public int Pid => _bash.Id;

    public static GuideShell Start(string work)
    {
        var start = new ProcessStartInfo("bash", ["--noprofile", "--norc", Path.Combine(AppContext.BaseDirectory, "Docs", "guide-shell.sh")])
        {
            WorkingDirectory = work,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in start.Environment.Keys.Where(IsProgramSetting).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["GUIDE_WORK"] = work;
        start.Environment["GUIDE_BUILDS"] = AppContext.BaseDirectory;
        if (Environment.GetEnvironmentVariable(Programs.Variable) is { Length: > 0 } native)
        {
            start.Environment["GUIDE_NATIVE"] = Path.GetFullPath(native);
        }

        var bash = Process.Start(start)!;
        bash.ErrorDataReceived += (_, _) => { };
        bash.BeginErrorReadLine();
        return new GuideShell(bash, work);
    }

    /// <summary>Runs <paramref name="command"/> as step <paramref name="id"/>; its exit code, or null if it did not end within <paramref name="within"/>.</summary>
    public async Task<int?> RunAsync(string id, string command, TimeSpan within)
    {
        await _bash.StandardInput.WriteAsync($"{id}\0{command}\0");
        await _bash.StandardInput.FlushAsync();
        using var timeout = new CancellationTokenSource(within);
        try
        {
            while (await _bash.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                var parts = line.Split(' ');
                if (parts is ["__done", var done, var status] && done == id)
                {
                    return int.Parse(status);
                }
            }

            throw new InvalidOperationException($"the guide's shell ended during step {id}");
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>What step <paramref name="id"/> has printed so far (a terminal's output grows while it runs).</summary>
    public string OutputOf(string id)
    {
        var path = Path.Combine(Work, id + ".out");
        if (!File.Exists(path))
        {
            return string.Empty;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public void Dispose()
    {
        if (!_bash.HasExited)
        {
            _bash.Kill(entireProcessTree: true);
            _bash.WaitForExit();
        }

        _bash.Dispose();
    }

    private static bool IsProgramSetting(string name) =>
        name.StartsWith("KAFKA_", StringComparison.Ordinal) || name.StartsWith("CONSUMER_", StringComparison.Ordinal) ||
        name.StartsWith("PRODUCER_", StringComparison.Ordinal);
}
