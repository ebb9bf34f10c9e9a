using System.Diagnostics;
using Confluent.Kafka;

namespace KafkaDemo.Consumer;

/// <summary>What the consumer instances of one run share: the stop conditions, the output, the counts.</summary>
internal sealed class RunContext(ConsumerOptions options, TextWriter output, CancellationToken cancellationToken)
{
    private readonly Lock _outputGate = new();
    private long _claimed;
    private long _lastActivity = Stopwatch.GetTimestamp();
    private volatile bool _fatal;

    public ConsumeStats Stats { get; } = new();

    public CancellationToken Cancellation => cancellationToken;

    public bool Fatal => _fatal;

    public event Action<int, IReadOnlyList<TopicPartition>>? AssignmentChanged;

    public void MarkFatal() => _fatal = true;

    public bool ShouldStop => cancellationToken.IsCancellationRequested || _fatal
        || (options.MaxMessages > 0 && Interlocked.Read(ref _claimed) >= options.MaxMessages)
        || IdleTooLong;

    public bool IdleTooLong => options.IdleTimeout is { } idle && Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastActivity)) >= idle;

    /// <summary>Takes the right to handle one more message; false once --max-messages is reached.</summary>
    public bool TryClaim()
    {
        Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());
        var claimed = Interlocked.Increment(ref _claimed);
        return options.MaxMessages == 0 || claimed <= options.MaxMessages;
    }

    public void Write(string line)
    {
        lock (_outputGate)
        {
            output.WriteLine(line);
        }
    }

    public void FlushOutput()
    {
        lock (_outputGate)
        {
            output.Flush();
        }
    }

    public void RaiseAssignmentChanged(int instance, IReadOnlyList<TopicPartition> assignment) =>
        AssignmentChanged?.Invoke(instance, assignment);
}
