// Why this file is over 200 lines: the poll loop and the rebalance callbacks share one checkpoint,
// store batch and end tracker, so they stay together; each step they take lives in its own type.
using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Clients;
using KafkaDemo.Consumer.Copy;
using KafkaDemo.Consumer.Offsets;
using KafkaDemo.Consumer.Processing;
using KafkaDemo.Consumer.Store;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer;

/// <summary>
/// One consumer (one group member, or one manual assignment) running its poll loop on the calling
/// thread until the run's <see cref="StopConditions"/> say so, then committing what it handled and
/// leaving (<see cref="GroupDeparture"/>). Each message goes through the <see cref="MessageProcessor"/>
/// (output, DLQ); with <c>--commit after-processing</c> its offset waits in the
/// <see cref="OffsetCheckpoint"/> until <see cref="BeforeOffsetsMove"/> made it durable: whenever the
/// local queue runs dry, every <see cref="OffsetCheckpoint.CheckpointEvery"/> messages, and before
/// every commit. With <c>--exit-at-end</c> or <c>--until</c>, <see cref="EndCommits"/> commits each
/// partition at its end or bound, and keeps messages past the bound from being handled.
/// </summary>
/// <remarks>
/// With <c>--store</c>, each checkpoint first writes the <see cref="StoreBatch"/> (the events and
/// their next offsets in one database transaction) and only then stores the offsets with Kafka;
/// a checkpoint taken while consuming lets that write run on while the next messages are handled.
/// Assigned partitions start from the offsets the database holds. In a <c>copy</c> the
/// <see cref="CopyBatch"/> stands where the store batch would: each checkpoint confirms the copies,
/// or commits them in one transaction with their offsets, which the consumer then never commits itself.
/// </remarks>
internal sealed class ConsumerInstance(int number, ConsumerOptions options, ConsumerConfig config, RunContext run, MessageProcessor processor, ILogger logger, EventStore? store = null, CopyTarget? copy = null)
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(200);

    private readonly ClientErrors _errors = new(logger, "consumer");
    private readonly StartOffsets _start = new(options.From);
    private readonly InstanceAssignment _assignment = new(number, run, logger);
    private readonly StoreBatch? _batch = store is null ? null : new StoreBatch(store, options.GroupId, run.Metrics);
    private readonly OutsideGroupCommits? _outside = options.Assignment is null ? null : new OutsideGroupCommits(number, options.GroupId, logger);
    private BeforeOffsetsMove _durable = null!;
    private OffsetCheckpoint _checkpoint = null!;
    private EndCommits? _ends;
    private CopyBatch? _copy;

    public void Run()
    {
        var committed = false;
        try
        {
            using var consumer = Build();
            using var tracked = run.Positions.Track(consumer);
            _copy = copy is null ? null : new CopyBatch(copy, consumer);
            _durable = new BeforeOffsetsMove(number, run.Output, _batch, run.Stop, logger, _copy, consumer.StoreOffset);
            _checkpoint = new OffsetCheckpoint(_durable.MakeDurable, _durable.StoreOffset, logger, number);
            _ends = run.Stop.ToEnd is { } toEnd ? new EndCommits(number, toEnd, _checkpoint, logger, _outside, _copy?.CommitsOffsets == true) : null;
            Start(consumer);
            try
            {
                Poll(consumer);
            }
            finally
            {
                CommitHandled(consumer, "shutdown");
                committed = true;
                run.Leaving.CommittedBeforeLeaving();
                GroupDeparture.Leave(consumer, options);
            }
        }
        finally
        {
            if (!committed)
            {
                run.Leaving.LeavingWithoutCommit();
            }
        }
    }

    private void Start(IConsumer<byte[], byte[]> consumer)
    {
        if (options.Assignment is { } manual)
        {
            LeaderLookup.Before(consumer, manual, options.ConnectTimeout, number, logger);
            var offsets = _start.ForManual(consumer, manual);
            _ends?.TakeEnds(consumer, offsets.Select(o => o.TopicPartition));
            consumer.Assign(offsets);
            _assignment.Track(offsets.Select(o => o.TopicPartition), added: true, "assigned (manual)");
        }
        else
        {
            consumer.Subscribe(options.Topics);
        }
    }

    private IConsumer<byte[], byte[]> Build()
    {
        var builder = new ConsumerBuilder<byte[], byte[]>(config)
            .SetErrorHandler((_, error) => _errors.Report(error))
            .SetLogHandler((_, message) =>
            {
                // librdkafka retries a refused automatic commit every interval; the refusal was told once.
                if (_outside?.Refused != true || message.Facility != "COMMITFAIL")
                {
                    ConsoleLogging.Forward(logger, message);
                }
            })
            .SetOffsetsCommittedHandler((_, committed) => _outside?.AutoCommitted(committed))
            .SetStatisticsHandler((_, statistics) => run.Metrics.Lag.Report(statistics))
            .SetPartitionsAssignedHandler((c, partitions) =>
            {
                _assignment.Track(partitions, added: true, "assigned");
                _ends?.TakeEnds(c, partitions);
                var start = _start.ForAssigned(c, partitions);
                return _batch is null ? start : _batch.Assigned(partitions, _start.WhereTheStoreHasNone(start));
            })
            .SetPartitionsRevokedHandler((c, partitions) =>
            {
                CommitHandled(c, "revocation");
                _assignment.Track(partitions.Select(p => p.TopicPartition), added: false, "revoked");
            })
            .SetPartitionsLostHandler((_, partitions) =>
            {
                _checkpoint.Forget(partitions.Select(p => p.TopicPartition));
                _batch?.Forget(partitions.Select(p => p.TopicPartition));
                _copy?.Forget(partitions.Select(p => p.TopicPartition));
                _assignment.Track(partitions.Select(p => p.TopicPartition), added: false, "lost");
            });
        try
        {
            return builder.Build();
        }
        catch (Exception ex) when (ex is ArgumentException or KafkaException or InvalidOperationException)
        {
            throw new UsageException($"invalid client configuration: {Secrets.Redact(ex.Message, config)}");
        }
    }

    private void Poll(IConsumer<byte[], byte[]> consumer)
    {
        while (!run.Stop.ShouldStop && !_errors.Fatal)
        {
            ConsumeResult<byte[], byte[]>? result;
            try
            {
                result = consumer.Consume(TimeSpan.Zero);
                if (result is null)
                {
                    // Caught up with what was fetched: show it and store its offsets before waiting.
                    using (_durable.WhileConsuming())
                    {
                        _checkpoint.Checkpoint();
                    }

                    result = consumer.Consume(s_pollInterval);
                }
            }
            catch (ConsumeException ex) when (run.Stop.ToEnd is { } toEnd && ex.ConsumerRecord is { } record
                                              && ex.Error.Code is ErrorCode.Local_NoOffset or ErrorCode.Local_AutoOffsetReset)
            {
                // --from committed and no committed offset: nothing will be read from it.
                logger.LogWarning("Consumer {Instance}: {Topic}[{Partition}]: {Reason}; nothing to read there",
                    number, record.Topic, record.Partition.Value, ex.Error.Reason);
                toEnd.Unreadable(record.TopicPartition);
                continue;
            }
            catch (ConsumeException ex)
            {
                var where = ex.ConsumerRecord is { } r ? $"{r.Topic}[{r.Partition.Value}]@{r.Offset.Value}" : string.Join(", ", options.Topics);
                logger.LogWarning("Consumer {Instance}: {Where}: {Reason}", number, where, ex.Error.Reason);
                if (ex.Error.IsFatal)
                {
                    run.Stop.MarkFatal();
                }

                continue;
            }

            if (result is { IsPartitionEOF: true })
            {
                _ends?.EndReported(consumer, result);
                continue;
            }

            if (result?.Message is null)
            {
                continue;
            }

            if (_ends?.PastBound(consumer, result) == true)
            {
                continue;
            }

            // Past --max-messages another instance may still have read one more: it is neither
            // handled nor stored, so the next run reads it.
            if (!run.Stop.TryClaim())
            {
                break;
            }

            if (!processor.Handle(result, out var shown))
            {
                logger.LogCritical("Consumer {Instance}: stopping so that {Topic}[{Partition}]@{Offset} is read again next time",
                    number, result.Topic, result.Partition.Value, result.Offset.Value);
                run.Stop.MarkFatal();
                break;
            }

            _batch?.Handled(result, shown is null ? null : StoredEvents.From(result, shown, DateTimeOffset.UtcNow));
            _copy?.Handled(result);
            if (options.Commit == CommitMode.AfterProcessing)
            {
                using (_durable.WhileConsuming())
                {
                    _checkpoint.Handled(result);
                }
            }

            _ends?.Handled(consumer, result);
        }

        if (_errors.Fatal)
        {
            run.Stop.MarkFatal();
        }
    }

    // With --commit after-processing, stored offsets are committed when partitions are taken away
    // and at shutdown, so the next owner starts right after the last message handled here; a
    // transactional copy's checkpoint commits them in its transaction instead.
    private void CommitHandled(IConsumer<byte[], byte[]> consumer, string occasion)
    {
        if (options.Commit != CommitMode.AfterProcessing)
        {
            return;
        }

        if (_outside?.Refused == true || _copy?.CommitsOffsets == true)
        {
            _checkpoint.Checkpoint();
        }
        else
        {
            _checkpoint.Commit(consumer.Commit, occasion, _outside is null ? null : _outside.Refuses);
        }
    }
}
