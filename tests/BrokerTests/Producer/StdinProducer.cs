using System.Diagnostics;

namespace KafkaDemo.BrokerTests.Producer;

/// <summary>
/// The real Producer program reading its messages from stdin (<c>-i -</c>), so that a test can
/// hold a transaction open: send lines, wait until they are delivered, then end the input or kill it.
/// </summary>
public sealed class StdinProducer : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly Task<string> _stderr;

    private StdinProducer(Process process)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts the Producer on <paramref name="topic"/> with <paramref name="arguments"/> besides the input.</summary>
    public static StdinProducer Start(string bootstrapServers, string topic, params string[] arguments)
    {
        var start = Programs.Start("KafkaDemo.Producer", ["-b", bootstrapServers, "-t", topic, "-i", "-", .. arguments]);
        start.RedirectStandardInput = true;

        return new StdinProducer(Process.Start(start)!);
    }

    /// <summary>Writes <paramref name="lines"/> and waits until the Producer reports as many deliveries.</summary>
    public async Task SendAndWaitForDeliveries(params string[] lines)
    {
        foreach (var line in lines)
        {
            await _process.StandardInput.WriteLineAsync(line);
        }

        await _process.StandardInput.FlushAsync();
        using var timeout = new CancellationTokenSource(Bound);
        for (var delivered = 0; delivered < lines.Length;)
        {
            var line = await _process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"the Producer ended after {delivered} of {lines.Length} deliveries: {await _stderr}");
            delivered += line.StartsWith("📨 Delivered", StringComparison.Ordinal) ? 1 : 0;
        }
    }

    /// <summary>Writes <paramref name="lastLines"/>, closes the input and returns the exit code.</summary>
    public async Task<int> EndInputAsync(params string[] lastLines)
    {
        foreach (var line in lastLines)
        {
            await _process.StandardInput.WriteLineAsync(line);
        }

        _process.StandardInput.Close();
        _ = _process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Bound);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Kills the Producer with SIGKILL: no commit, no abort, no flush.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        using var timeout = new CancellationTokenSource(Bound);
        await _process.WaitForExitAsync(timeout.Token);
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
