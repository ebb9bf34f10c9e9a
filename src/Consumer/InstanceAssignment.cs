using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer;

/// <summary>The partitions one consumer instance holds, logged and announced on every change.</summary>
internal sealed class InstanceAssignment(int number, RunContext run, ILogger logger)
{
    private readonly HashSet<TopicPartition> _held = [];

    /// <summary>Records partitions <paramref name="what"/> (assigned, revoked, lost) and says so.</summary>
    public void Track(IEnumerable<TopicPartition> partitions, bool added, string what)
    {
        var changed = partitions.ToList();
        foreach (var partition in changed)
        {
            _ = added ? _held.Add(partition) : _held.Remove(partition);
        }

        var level = what == "lost" ? LogLevel.Warning : LogLevel.Information;
        logger.Log(level, "Consumer {Instance}: {What} {Partitions}; now holds {Count}", number, what, Describe(changed), _held.Count);
        run.RaiseAssignmentChanged(number, [.. _held.OrderBy(p => p.Topic).ThenBy(p => p.Partition.Value)]);
    }

    private static string Describe(IReadOnlyCollection<TopicPartition> partitions) =>
        partitions.Count == 0 ? "no partitions" : string.Join(", ", partitions.Select(p => $"{p.Topic}[{p.Partition.Value}]"));
}
