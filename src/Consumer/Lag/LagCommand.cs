using System.Globalization;
using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Cli.Terminal;
using KafkaDemo.Clients.Native;

namespace KafkaDemo.Consumer.Lag;

/// <summary><c>consumer lag</c>: prints where the group stands in each partition of its topics, then exits, or with <c>--watch</c> keeps redrawing it.</summary>
public static class LagCommand
{
    /// <summary>
    /// Measures and prints; exit 1 with one line on stderr when the cluster cannot tell. Without
    /// <paramref name="topicsNamed"/>, the topics are those the group has committed offsets for.
    /// </summary>
    public static int Run(ConsumerOptions options, bool topicsNamed, TextWriter stdout, TextWriter stderr)
    {
        var config = ConsumerConfigFactory.Create(options);
        var rows = TryMeasure(
            () => topicsNamed
                ? GroupLag.Measure(config, options.Topics, options.ConnectTimeout)
                : GroupLag.MeasureCommittedTopics(config, options.GroupId, options.ConnectTimeout),
            options.GroupId, out var error);
        if (rows is null)
        {
            stderr.WriteLine($"error: {error}");
            return ExitCodes.Failure;
        }

        foreach (var line in GroupLag.Render(options.GroupId, rows))
        {
            stdout.WriteLine(line);
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// With <paramref name="watch"/>, measures every interval and shows it (see <see cref="LagWatch"/>)
    /// until <paramref name="cancellationToken"/> fires, then exits 0; without it, <see cref="Run"/>.
    /// <paramref name="terminalSize"/> tells whether stdout is a terminal to redraw in place.
    /// </summary>
    public static Task<int> RunAsync(ConsumerOptions options, bool topicsNamed, TimeSpan? watch, TextWriter stdout, TextWriter stderr,
        Func<TerminalSize?> terminalSize, CancellationToken cancellationToken)
    {
        LoadedLibrary.LoadInBackground();
        return watch is { } interval
            ? new LagWatch(options, topicsNamed ? options.Topics : null, interval, stdout, stderr, terminalSize).RunAsync(cancellationToken)
            : Task.FromResult(Run(options, topicsNamed, stdout, stderr));
    }

    /// <summary>The rows <paramref name="measure"/> gives, or null and why not, in one line.</summary>
    internal static IReadOnlyList<PartitionLag>? TryMeasure(Func<IReadOnlyList<PartitionLag>> measure, string groupId, out string error)
    {
        error = string.Empty;
        try
        {
            var rows = measure();
            if (rows.Count > 0)
            {
                return rows;
            }

            // The embedded broker answers an OffsetFetch for all topics with none at all.
            error = $"the cluster lists no committed offsets for group {groupId} (a group that never committed, or a broker that cannot list them, as the embedded one); pass --topic";
        }
        catch (GroupTopicsUnknownException ex)
        {
            error = $"cannot find the topics group {groupId} has committed offsets for ({ex.Message}); pass --topic";
        }
        catch (KafkaException ex)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"cannot measure the lag of group {groupId}: {ex.Error.Reason}");
        }

        return null;
    }
}
