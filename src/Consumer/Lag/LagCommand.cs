using System.Globalization;
using Confluent.Kafka;
using KafkaDemo.Cli;

namespace KafkaDemo.Consumer.Lag;

/// <summary><c>consumer lag</c>: prints where the group stands in each partition of its topics, then exits.</summary>
public static class LagCommand
{
    /// <summary>
    /// Measures and prints; exit 1 with one line on stderr when the cluster cannot tell. Without
    /// <paramref name="topicsNamed"/>, the topics are those the group has committed offsets for.
    /// </summary>
    public static int Run(ConsumerOptions options, bool topicsNamed, TextWriter stdout, TextWriter stderr)
    {
        var config = ConsumerConfigFactory.Create(options);
        IReadOnlyList<PartitionLag> rows;
        try
        {
            rows = topicsNamed
                ? GroupLag.Measure(config, options.Topics, options.ConnectTimeout)
                : GroupLag.MeasureCommittedTopics(config, options.GroupId, options.ConnectTimeout);
            if (rows.Count == 0)
            {
                // The embedded broker answers an OffsetFetch for all topics with none at all.
                stderr.WriteLine($"error: the cluster lists no committed offsets for group {options.GroupId} (a group that never committed, or a broker that cannot list them, as the embedded one); pass --topic");
                return ExitCodes.Failure;
            }
        }
        catch (GroupTopicsUnknownException ex)
        {
            stderr.WriteLine($"error: cannot find the topics group {options.GroupId} has committed offsets for ({ex.Message}); pass --topic");
            return ExitCodes.Failure;
        }
        catch (KafkaException ex)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: cannot measure the lag of group {options.GroupId}: {ex.Error.Reason}"));
            return ExitCodes.Failure;
        }

        foreach (var line in GroupLag.Render(options.GroupId, rows))
        {
            stdout.WriteLine(line);
        }

        return ExitCodes.Success;
    }
}
