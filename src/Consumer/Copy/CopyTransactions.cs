using Confluent.Kafka;
using KafkaDemo.Clients;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer.Copy;

/// <summary>
/// The transactions of a copy with a transactional.id: one is opened by the first copy or offset
/// after the last commit, and committed together with the source offsets it carries, or aborted.
/// After an abort nothing more is committed in this run. Used by one thread only.
/// </summary>
internal sealed class CopyTransactions(IProducer<byte[], byte[]> producer, ILogger logger)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    /// <summary>True while a transaction is open.</summary>
    public bool Open { get; private set; }

    /// <summary>Transactions committed.</summary>
    public int Committed { get; private set; }

    /// <summary>
    /// Registers the transactional.id with its coordinator, which aborts what an earlier run with the
    /// same id left open and fences that run off; false, logged, when it could not.
    /// </summary>
    public bool Start(string transactionalId)
    {
        try
        {
            producer.InitTransactions(s_timeout);
            return true;
        }
        catch (KafkaException ex)
        {
            logger.LogError("Cannot start transactions for transactional.id {Id}: {Reason}", transactionalId, ex.Error.Reason);
            return false;
        }
    }

    /// <summary>Opens a transaction unless one is open.</summary>
    /// <exception cref="KafkaException">The producer cannot open one (fenced, or failed).</exception>
    public void Begin()
    {
        if (!Open)
        {
            producer.BeginTransaction();
            Open = true;
        }
    }

    /// <summary>Commits the open transaction's <paramref name="messages"/> with <paramref name="offsets"/>; false, having aborted it, when that failed.</summary>
    public bool Commit(IReadOnlyCollection<TopicPartitionOffset> offsets, IConsumerGroupMetadata group, long messages)
    {
        try
        {
            Begin();
            producer.SendOffsetsToTransaction(offsets, group, s_timeout);
        }
        catch (KafkaException ex)
        {
            return Abort($"its source offsets could not be added to it ({ex.Error.Reason})", messages);
        }

        if (!TransactionCalls.TryCommit(producer, s_timeout,
                reason => logger.LogWarning("Copy: commit of transaction {Number} failed, retrying: {Reason}", Committed + 1, reason),
                out var failure, out _))
        {
            return Abort($"its commit failed ({failure})", messages);
        }

        Open = false;
        Committed++;
        logger.LogDebug("Copy: transaction {Number} committed: {Count} messages, source offsets {Offsets}", Committed, messages,
            string.Join(", ", offsets.Select(o => $"{o.Topic}[{o.Partition.Value}]@{o.Offset.Value}")));
        return true;
    }

    /// <summary>Aborts the open transaction, whose <paramref name="messages"/> the next run copies again; always false, for the caller to return.</summary>
    public bool Abort(string reason, long messages)
    {
        var outcome = TransactionCalls.TryAbort(producer, s_timeout, out var failure)
            ? "aborted"
            : $"could not be aborted ({failure}); the next run with this transactional.id aborts it, or the broker when transaction.timeout.ms runs out";
        logger.LogCritical("Copy: transaction {Number} ({Count} messages) {Outcome}: {Reason}; stopping, and the next run copies from the last committed offsets",
            Committed + 1, messages, outcome, reason);
        Open = false;
        return false;
    }

    /// <summary>Ends an open transaction quietly when the run ends without its last checkpoint: nothing in it counts.</summary>
    public void AbortLeftOpen()
    {
        if (Open)
        {
            TransactionCalls.TryAbort(producer, s_timeout, out _);
            Open = false;
        }
    }
}
