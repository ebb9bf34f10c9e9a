namespace KafkaDemo.Producer.Transactions;

/// <summary>What became of a transactional run's transactions.</summary>
/// <param name="TransactionalId">The producer's transactional.id.</param>
/// <param name="Committed">Transactions committed.</param>
/// <param name="CommittedMessages">Messages in the committed transactions: what read_committed consumers see.</param>
/// <param name="Aborted">Transactions aborted (at most one: the run stops at the first abort).</param>
/// <param name="AbortedMessages">Messages in the aborted transaction: in the log, hidden from read_committed consumers.</param>
/// <param name="AbortReason">Why the run aborted, or null.</param>
public sealed record TransactionOutcome(string TransactionalId, int Committed, long CommittedMessages, int Aborted, long AbortedMessages, string? AbortReason)
{
    /// <summary>True when the last transaction could be neither committed nor aborted (a fatal client error, a timeout).</summary>
    public bool Unfinished { get; init; }

    /// <summary>True when the coordinator could not be reached to start the first transaction: nothing was sent.</summary>
    public bool NeverStarted { get; init; }

    /// <summary>True when every transaction was committed.</summary>
    public bool AllCommitted => Aborted == 0 && !Unfinished && !NeverStarted;
}
