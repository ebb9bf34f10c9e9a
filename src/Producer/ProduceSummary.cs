using KafkaDemo.Producer.Transactions;

namespace KafkaDemo.Producer;

/// <summary>What a Producer run achieved.</summary>
/// <param name="Sent">Messages handed to the client.</param>
/// <param name="Delivered">Messages the broker acknowledged.</param>
/// <param name="Failed">Messages that were sent but not acknowledged: reported failed, or still in flight when the run ended.</param>
/// <param name="FatalError">True when the client hit an unrecoverable error and stopped early.</param>
public sealed record ProduceSummary(long Sent, long Delivered, long Failed, bool FatalError)
{
    /// <summary>Input lines that could not be read as messages (each was reported).</summary>
    public long Rejected { get; init; }

    /// <summary>True when no broker answered within the connect timeout; nothing was sent.</summary>
    public bool Unreachable { get; init; }

    /// <summary>With a transactional.id: what became of the run's transactions; null otherwise.</summary>
    public TransactionOutcome? Transactions { get; init; }

    /// <summary>True when every message asked for was delivered (and, in transactions, committed).</summary>
    public bool Succeeded => Failed == 0 && Rejected == 0 && !FatalError && !Unreachable && Transactions is null or { AllCommitted: true };
}
