using System.Diagnostics.CodeAnalysis;
using Confluent.Kafka;
using KafkaDemo.Clients;
using KafkaDemo.Producer.Delivery;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Producer.Transactions;

/// <summary>
/// The transactions of a run whose producer has a transactional.id. Every send happens inside
/// <see cref="Send"/>, under one lock shared by all producing threads, so that a transaction
/// boundary (a commit after <c>size</c> messages) falls between two whole sends; reading the
/// input stays outside it, so a thread waiting for a line never holds up a commit or an abort. The open
/// transaction is aborted, and the run stopped, as soon as an input line is rejected or a message
/// fails; <see cref="Finish"/> commits the last one, or aborts it when the run was interrupted.
/// Committing flushes: a committed transaction's messages are all acknowledged.
/// </summary>
/// <param name="producer">A producer built with a transactional.id.</param>
/// <param name="transactionalId">That id, for messages.</param>
/// <param name="size">Messages per transaction; 0 puts the whole run in one.</param>
/// <param name="stats">The run's delivery counts, where failed messages show.</param>
/// <param name="sent">How many messages the run has handed to the producer so far.</param>
/// <param name="rejected">How many input lines the run's source has rejected so far.</param>
/// <param name="logger">Where each commit and abort is reported.</param>
public sealed class ProducerTransactions(
    IProducer<byte[], byte[]> producer, string transactionalId, int size, DeliveryStats stats, Func<long> sent, Func<long> rejected, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly OpenTransaction _current = new(stats, sent, rejected);
    private bool _open;
    private int _committed;
    private long _committedMessages;
    private TransactionOutcome? _finished;

    /// <summary>True once the run must stop sending: a transaction was aborted or could not end.</summary>
    public bool Stopped
    {
        get
        {
            lock (_gate)
            {
                return _finished is not null;
            }
        }
    }

    /// <summary>
    /// Registers the transactional.id with its coordinator (which aborts whatever an earlier
    /// producer with the same id left open, and fences that producer off) and opens the first
    /// transaction. Returns false, having logged why, when the coordinator cannot be reached;
    /// <paramref name="neverStarted"/> is then the run's outcome.
    /// </summary>
    public bool TryStart(TimeSpan timeout, [NotNullWhen(false)] out TransactionOutcome? neverStarted)
    {
        try
        {
            producer.InitTransactions(timeout);
            Begin();
            neverStarted = null;
            return true;
        }
        catch (KafkaException ex)
        {
            logger.LogError("Cannot start transactions for transactional.id {Id}: {Reason}", transactionalId, ex.Error.Reason);
            lock (_gate)
            {
                neverStarted = _finished = Outcome(null) with { NeverStarted = true };
            }

            return false;
        }
    }

    /// <summary>
    /// Runs <paramref name="send"/> (produce one message) inside the open transaction, then commits
    /// when the transaction is full. Returns false, without sending, when the run must stop: a
    /// transaction was aborted or could not end, or an input line was rejected since it began.
    /// </summary>
    public bool Send(Action send, TimeSpan commitTimeout)
    {
        lock (_gate)
        {
            if (_finished is null && _current.Spoiled is { } before)
            {
                AbortLocked(before, commitTimeout);
            }

            if (_finished is not null)
            {
                return false;
            }

            send();
            if (_current.Spoiled is { } after)
            {
                AbortLocked(after, commitTimeout);
            }
            else if (size > 0 && _current.Messages >= size)
            {
                CommitLocked(commitTimeout);
                if (_finished is null)
                {
                    Begin();
                }
            }

            return _finished is null;
        }
    }

    /// <summary>
    /// Ends the run's last transaction: committed when the run ended normally (and held messages),
    /// aborted when it was <paramref name="interrupted"/>; returns the outcome of all of them.
    /// </summary>
    public TransactionOutcome Finish(bool interrupted, string interruption, TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_finished is null && _open)
            {
                if (interrupted)
                {
                    AbortLocked(interruption, timeout);
                }
                else if (_current.Spoiled is { } reason)
                {
                    AbortLocked(reason, timeout);
                }
                else if (_current.Messages > 0)
                {
                    CommitLocked(timeout);
                }
                else
                {
                    // Nothing was sent since the last commit: end the empty transaction quietly.
                    TransactionCalls.TryAbort(producer, timeout, out _);
                    _open = false;
                }
            }

            return _finished ??= Outcome(null);
        }
    }

    private void Begin()
    {
        producer.BeginTransaction();
        _open = true;
        _current.Began();
    }

    // Commit flushes the transaction's messages first; a message that failed makes librdkafka ask
    // for an abort instead.
    private void CommitLocked(TimeSpan timeout)
    {
        var number = _committed + 1;
        if (TransactionCalls.TryCommit(producer, timeout,
                reason => logger.LogWarning("Commit of transaction {Number} failed, retrying: {Reason}", number, reason),
                out var failure, out var abortInstead))
        {
            _open = false;
            _committed = number;
            _committedMessages += _current.Messages;
            logger.LogInformation("Transaction {Number} committed: {Count} messages", number, _current.Messages);
        }
        else if (abortInstead)
        {
            AbortLocked($"the commit failed: {failure}", timeout);
        }
        else
        {
            logger.LogError("Transaction {Number} could not be committed: {Reason}", number, failure);
            _finished = Outcome(null) with { Unfinished = true };
        }
    }

    private void AbortLocked(string reason, TimeSpan timeout)
    {
        if (TransactionCalls.TryAbort(producer, timeout, out var failure))
        {
            logger.LogWarning("Transaction {Number} aborted ({Count} messages): {Reason}", _committed + 1, _current.Messages, reason);
            _finished = Outcome(reason);
        }
        else
        {
            logger.LogError("Transaction {Number} ({Count} messages) could not be aborted after {Reason}: {Failure}; the broker aborts it when transaction.timeout.ms runs out",
                _committed + 1, _current.Messages, reason, failure);
            _finished = Outcome(reason) with { Unfinished = true };
        }

        _open = false;
    }

    private TransactionOutcome Outcome(string? abortReason) =>
        new(transactionalId, _committed, _committedMessages, abortReason is null ? 0 : 1, abortReason is null ? 0 : _current.Messages, abortReason);
}
