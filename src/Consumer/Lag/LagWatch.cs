using System.Diagnostics;
using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Cli.Terminal;
using KafkaDemo.Clients;

namespace KafkaDemo.Consumer.Lag;

/// <summary>
/// <c>lag --watch</c>: measures the group's lag every interval through one client and shows it as a
/// <see cref="LagFrame"/>. On a terminal each frame replaces the last in place; on a pipe or a file
/// each is printed after the one before, a blank line between them, with no escape codes. The first
/// measurement failing ends the watch as <c>lag</c> would (exit 1); a later one is shown in the
/// frame and tried again at the next interval. Ctrl+C ends it with exit 0.
/// </summary>
internal sealed class LagWatch(ConsumerOptions options, IReadOnlyList<string>? topics, TimeSpan interval, TextWriter stdout, TextWriter stderr, Func<TerminalSize?> terminalSize)
{
    private readonly LagRates _rates = new();

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var client = QuietClient.Consumer(ConsumerConfigFactory.Create(options));
        var frame = terminalSize() is null ? null : new InPlaceFrame(stdout, terminalSize);
        var clock = Stopwatch.StartNew();
        for (var round = 0; !cancellationToken.IsCancellationRequested; round++)
        {
            var started = clock.Elapsed;
            var rows = LagCommand.TryMeasure(() => GroupLag.Measure(client, options.GroupId, topics, options.ConnectTimeout), options.GroupId, out var error);
            if (rows is null && round == 0)
            {
                await stderr.WriteLineAsync($"error: {error}");
                return ExitCodes.Failure;
            }

            var title = LagFrame.Title(options.GroupId, interval, DateTimeOffset.UtcNow);
            IReadOnlyList<string> lines = rows is null
                ? [title, $"error: {error}; measuring again in {Durations.Format(interval)}"]
                : LagFrame.Render(title, rows, _rates.Update(started, rows));
            Show(frame, lines, round);

            try
            {
                var rest = interval - (clock.Elapsed - started);
                await Task.Delay(rest > TimeSpan.Zero ? rest : TimeSpan.Zero, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return ExitCodes.Success;
    }

    private void Show(InPlaceFrame? frame, IReadOnlyList<string> lines, int round)
    {
        if (frame is not null)
        {
            frame.Draw(lines);
            return;
        }

        if (round > 0)
        {
            stdout.WriteLine();
        }

        foreach (var line in lines)
        {
            stdout.WriteLine(line);
        }

        stdout.Flush();
    }
}
