using System.Diagnostics;
using Confluent.Kafka;
using KafkaDemo.Consumer.Offsets;

namespace KafkaDemo.Consumer;

/// <summary>What the consumer instances of one run share: the stop conditions, the output, the counts.</summary>
internal sealed class RunContext(ConsumerOptions options, TextWriter output, CancellationToken cancellationToken, ReadToEnd? toEnd = null)
{
    /// <summary>With <c>--exit-at-end</c>, the partitions still to be read to their end; null otherwise.</summary>
    public ReadToEnd? ToEnd => toEnd;

    // Instances of one run commit before any of them leaves the group: the first to leave starts a
    // rebalance, and a commit the others tried during it would fail.
    private static readonly TimeSpan s_leaveTogetherWait = TimeSpan.FromSeconds(5);
    private readonly Barrier _leaving = new(options.Instances);
    private readonly Lock _outputGate = new();
    private long _claimed;
    private long _lastActivity = Stopwatch.GetTimestamp();
    private volatile bool _fatal;

    public ConsumeStats Stats { get; } = new();

    public CancellationToken Cancellation => cancellationToken;

    public bool Fatal => _fatal;

    public event Action<int, IReadOnlyList<TopicPartition>>? AssignmentChanged;

    public void MarkFatal() => _fatal = true;

    /// <summary>
    /// Called by an instance after its final commit, before it leaves the group: waits (a few
    /// seconds at most) until every instance has committed, so that all commits land before the
    /// first departure starts a rebalance.
    /// </summary>
    public void CommittedBeforeLeaving() => _leaving.SignalAndWait(s_leaveTogetherWait);

    /// <summary>An instance that stopped without committing; the others do not wait for it.</summary>
    public void LeavingWithoutCommit()
    {
        try
        {
            _leaving.RemoveParticipant();
        }
        catch (InvalidOperationException)
        {
            // The others have stopped waiting already.
        }
    }

    public bool ShouldStop => cancellationToken.IsCancellationRequested || _fatal || toEnd?.Done == true
        || (options.MaxMessages > 0 && Interlocked.Read(ref _claimed) >= options.MaxMessages)
        || IdleTooLong;

    public bool IdleTooLong => options.IdleTimeout is { } idle && Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastActivity)) >= idle;

    /// <summary>Takes the right to handle one more message; false once --max-messages is reached.</summary>
    public bool TryClaim()
    {
        // The clock is read for every message only when --idle-timeout needs it.
        if (options.IdleTimeout is not null)
        {
            Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());
        }

        var claimed = Interlocked.Increment(ref _claimed);
        return options.MaxMessages == 0 || claimed <= options.MaxMessages;
    }

    /// <summary>Why the output stopped accepting lines (a closed pipe, a full disk); null while it works.</summary>
    public string? OutputFailure { get; private set; }

    /// <summary>Writes one line to the output's buffer; a broken output stops the run instead of throwing.</summary>
    public void Write(string line) => Emit(line, endLine: true);

    /// <summary>Writes <paramref name="text"/> as it is (a <c>--format</c> adds its own line breaks).</summary>
    public void WriteText(string text) => Emit(text, endLine: false);

    private void Emit(string text, bool endLine)
    {
        lock (_outputGate)
        {
            if (OutputFailure is not null)
            {
                return;
            }

            try
            {
                output.Write(text);
                if (endLine)
                {
                    // '\n' on every system: jsonl and pipes want it, and it is what kcat writes.
                    output.Write('\n');
                }
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
