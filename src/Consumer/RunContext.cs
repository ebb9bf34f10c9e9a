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

    /// <summary>Why the output stopped accepting lines (a closed pipe, a full disk); null while it works.</summary>
    public string? OutputFailure { get; private set; }

    /// <summary>Writes one line to the output's buffer; a broken output stops the run instead of throwing.</summary>
    public void Write(string line)
    {
        lock (_outputGate)
        {
            if (OutputFailure is not null)
            {
                return;
            }

            try
            {
                output.WriteLine(line);
            }
            catch (IOException ex)
            {
                OutputBroke(ex);
            }
        }
    }

    /// <summary>Pushes buffered lines out; false when the output is broken, so nothing written may be taken as shown.</summary>
    public bool FlushOutput()
    {
        lock (_outputGate)
        {
            if (OutputFailure is not null)
            {
                return false;
            }

            try
            {
                output.Flush();
                return true;
            }
            catch (IOException ex)
            {
                OutputBroke(ex);
                return false;
            }
        }
    }

    private void OutputBroke(IOException ex)
    {
        OutputFailure = ex.Message;
        _fatal = true;
    }

    public void RaiseAssignmentChanged(int instance, IReadOnlyList<TopicPartition> assignment) =>
        AssignmentChanged?.Invoke(instance, assignment);
}
