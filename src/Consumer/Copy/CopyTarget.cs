using Confluent.Kafka;
using KafkaDemo.Clients;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer.Copy;

/// <summary>
/// The producer a <c>copy</c> run writes with. The message processor hands it each message that
/// passes the filters (<see cref="Send"/>); at each checkpoint <see cref="CopyBatch"/> makes what was
/// sent durable (<see cref="Commit"/>). With a transactional.id that is Kafka's read-process-write
/// pattern (<see cref="CopyTransactions"/>): the copies and the source offsets go into one
/// transaction, committed together or not at all, so the consumer commits nothing itself. Without
/// one, the producer is flushed and every delivery confirmed before the offsets move: at least
/// once. Any failure stops the run, having aborted what was not committed; the next run starts from
/// the last committed offsets. Used by the run's single consumer instance's thread only.
/// </summary>
internal sealed class CopyTarget : IDisposable
{
    private static readonly TimeSpan s_flushTimeout = TimeSpan.FromSeconds(35);
    private static readonly TimeSpan s_queueFullWait = TimeSpan.FromMilliseconds(100);

    private readonly CopyOptions _copy;
    private readonly IProducer<byte[], byte[]> _producer;
    private readonly CopyTransactions? _transactions;
    private readonly ILogger _logger;
    private readonly Action<DeliveryReport<byte[], byte[]>> _delivered;
    private long _undelivered;
    private string? _undeliveredReason;
    private long _pending;

    private CopyTarget(CopyOptions copy, IProducer<byte[], byte[]> producer, ILogger logger)
    {
        (_copy, _producer, _logger) = (copy, producer, logger);
        _transactions = copy.Transactional ? new CopyTransactions(producer, logger) : null;
        _delivered = report =>
        {
            if (report.Error.IsError)
            {
                _undeliveredReason ??= report.Error.Reason;
                _undelivered++;
            }
        };
    }

    /// <summary>False when the run must not start: the target topic is missing or transactions could not be started (logged).</summary>
    public bool Started { get; private set; }

    /// <summary>True when the copy runs in transactions, which carry the source offsets.</summary>
    public bool Transactional => _transactions is not null;

    /// <summary>True while a transaction holds copies or offsets not committed yet.</summary>
    public bool InTransaction => _transactions?.Open == true;

    /// <summary>Messages made durable: in committed transactions, or delivered and confirmed.</summary>
    public long Copied { get; private set; }

    /// <summary>
    /// Builds the producer from the run's connection settings and, with a transactional.id, starts
    /// its transactions before any consumer reads, so the offsets an earlier run left pending are settled.
    /// </summary>
    public static CopyTarget Open(CopyOptions copy, ConsumerOptions options, Metadata metadata, ILogger logger)
    {
        var target = new CopyTarget(copy, CopyProducerConfig.Build(copy, options, logger), logger);
        if (copy.ToTopic is { } topic && ClusterMetadata.PartitionCount(metadata, topic) is null)
        {
            logger.LogError("Topic {Topic} does not exist: create it first (a copy does not choose partitions or settings for it)", topic);
            return target;
        }

        target.Started = target._transactions?.Start(copy.TransactionalId!) ?? true;
        return target;
    }

    /// <summary>Sends the copy of <paramref name="source"/>, inside the open transaction; false (logged) when it cannot be sent.</summary>
    public bool Send(ConsumeResult<byte[], byte[]> source)
    {
        if (!CopiedMessage.TryCreate(source, _copy, out var destination, out var message, out var error))
        {
            _logger.LogError("Cannot copy {Topic}[{Partition}]@{Offset}: {Reason}", source.Topic, source.Partition.Value, source.Offset.Value, error);
            return false;
        }

        try
        {
            _transactions?.Begin();
            while (true)
            {
                try
                {
                    _producer.Produce(destination, message, _delivered);
                    break;
                }
                catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
                {
                    // No background poll serves the reports: make room by serving them here.
                    _producer.Poll(s_queueFullWait);
                }
            }
        }
        catch (KafkaException ex)
        {
            _logger.LogError("Cannot copy {Topic}[{Partition}]@{Offset} to {Destination}: {Reason}",
                source.Topic, source.Partition.Value, source.Offset.Value, destination.Topic, ex.Error.Reason);
            return false;
        }

        _pending++;
        return true;
    }

    /// <summary>
    /// Makes what was sent since the last call durable together with <paramref name="offsets"/>, the
    /// next offset of each source partition read since: committed in one transaction with them, or
    /// (without transactions) flushed and confirmed, after which the caller may move them itself.
    /// False, logged, when that failed; an open transaction is then aborted.
    /// </summary>
    public bool Commit(IReadOnlyCollection<TopicPartitionOffset> offsets, IConsumerGroupMetadata group)
    {
        var durable = _transactions is null ? Delivered()
            : (offsets.Count == 0 && !_transactions.Open) || _transactions.Commit(offsets, group, _pending);
        Copied += durable ? _pending : 0;
        _pending = 0;
        return durable;
    }

    /// <summary>Aborts the open transaction (see <see cref="CopyTransactions.Abort"/>); always false.</summary>
    public bool Abort(string reason)
    {
        _transactions?.Abort(reason, _pending);
        _pending = 0;
        return false;
    }

    /// <summary>One line on what the run copied.</summary>
    public void Report()
    {
        if (_transactions is null)
        {
            _logger.LogInformation("Copied {Count} messages to {Destination}, each acknowledged", Copied, _copy.Destination);
        }
        else
        {
            _logger.LogInformation("Copied {Count} messages to {Destination} in {Transactions} committed transactions", Copied, _copy.Destination, _transactions.Committed);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _transactions?.AbortLeftOpen();
        _producer.Dispose();
    }

    // At least once: every message sent since the last checkpoint acknowledged before its offset moves.
    private bool Delivered()
    {
        var left = _producer.Flush(s_flushTimeout);
        if (left > 0 || _undelivered > 0)
        {
            _logger.LogCritical("Copy: {Count} messages were not delivered to {Destination} ({Reason}); stopping, and the next run copies from the last committed offsets",
                Math.Max(left, _undelivered), _copy.Destination, _undeliveredReason ?? "no acknowledgement in time");
            return false;
        }

        return true;
    }
}
