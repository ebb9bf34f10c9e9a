using Confluent.Kafka;
using KafkaDemo.Consumer.Offsets;
using KafkaDemo.Consumer.Progress;

namespace KafkaDemo.Consumer;

/// <summary>
/// What the consumer instances of one run share, each part under its own name: when to stop, the
/// output, the counts, and the barrier they commit at before leaving.
/// </summary>
internal sealed class RunContext
{
    public RunContext(ConsumerOptions options, TextWriter output, CancellationToken cancellationToken, ReadToEnd? toEnd = null)
    {
        Stop = new StopConditions(options, cancellationToken, toEnd);
        Output = new OutputGate(output, Stop);
        Leaving = new LeaveBarrier(options.Instances);
        Metrics = new Telemetry.ConsumerMetrics(Stats);
    }

    public StopConditions Stop { get; }

    public OutputGate Output { get; }

    public ConsumeStats Stats { get; } = new();

    /// <summary>The instances' consumers, for the progress line's lag.</summary>
    public ConsumerPositions Positions { get; } = new();

    public LeaveBarrier Leaving { get; }

    /// <summary>The run's metrics: the counts above, librdkafka's lag, the store's write times.</summary>
    public Telemetry.ConsumerMetrics Metrics { get; }

    /// <summary>Raised on every assignment change of an instance, with its whole current assignment.</summary>
    public event Action<int, IReadOnlyList<TopicPartition>>? AssignmentChanged;

    public void RaiseAssignmentChanged(int instance, IReadOnlyList<TopicPartition> assignment) =>
        AssignmentChanged?.Invoke(instance, assignment);
}
