using System.Globalization;
using Confluent.Kafka;
using KafkaDemo.Cli;

namespace KafkaDemo.Consumer.Lag;

/// <summary><c>consumer lag</c>: prints where the group stands in each partition of its topics, then exits.</summary>
public static class LagCommand
{
    /// <summary>Measures and prints; exit 1 with one line on stderr when the cluster cannot tell.</summary>
    public static int Run(ConsumerOptions options, TextWriter stdout, TextWriter stderr)
    {
        IReadOnlyList<PartitionLag> rows;
        try
        {
            rows = GroupLag.Measure(ConsumerConfigFactory.Create(options), options.Topics, options.ConnectTimeout);
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
