using System.Diagnostics;
using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Consumer.Offsets;
using KafkaDemo.Consumer.Processing;
using KafkaDemo.Consumer.Store;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer;

/// <summary>
/// One consumer (one group member, or one manual assignment) running its poll loop on the calling
/// thread until the run's stop conditions say so, then committing what it handled and leaving.
/// Each message goes through the <see cref="MessageProcessor"/>; with <c>--commit
/// after-processing</c> its offset waits in the <see cref="OffsetCheckpoint"/> until the output is
/// flushed: whenever the local queue runs dry, every 1,000 messages, and before every commit.
/// </summary>
/// <remarks>
/// With <c>--store</c>, each checkpoint first writes the <see cref="StoreBatch"/> (the events and
/// their next offsets in one database transaction) and only then stores the offsets with Kafka;
/// assigned partitions start from the offsets the database holds.
/// </remarks>
internal sealed class ConsumerInstance(int number, ConsumerOptions options, ConsumerConfig config, RunContext run, MessageProcessor processor, ILogger logger, EventStore? store = null)
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan s_leaveWait = TimeSpan.FromSeconds(2);

    private readonly ClientErrors _errors = new(logger, "consumer");
    private readonly StartOffsets _start = new(options.From);
    private readonly InstanceAssignment _assignment = new(number, run, logger);
    private readonly StoreBatch? _batch = store is null ? null : new StoreBatch(store, options.GroupId);
    private readonly OutsideGroupCommits? _outside = options.Assignment is null ? null : new OutsideGroupCommits(number, options.GroupId, logger);
    private OffsetCheckpoint _checkpoint = null!;
    private EndCommits? _ends;

    public void Run()
    {
        var committed = false;
        try
        {
            using var consumer = Build();
            _checkpoint = new OffsetCheckpoint(() => run.FlushOutput() && WriteBatch(), consumer.StoreOffset, logger, number);
            _ends = run.ToEnd is { } toEnd ? new EndCommits(number, toEnd, _checkpoint, logger, _outside) : null;
            Start(consumer);
            try
            {
                Poll(consumer);
            }
            finally
            {
                CommitHandled(consumer, "shutdown");
                committed = true;
                run.CommittedBeforeLeaving();
                Leave(consumer);
            }
        }
        finally
        {
            if (!committed)
            {
                run.LeavingWithoutCommit();
            }
        }
    }

    // Close() leaves the group at once, so the partitions move to the remaining members without
    // waiting for a session timeout. librdkafka 2.16 can abort the process when a consumer closes
    // while an assignment it was just given is still being started (rd_kafka_cgrp_terminated:
    // assert !rd_kafka_assignment_in_progress, librdkafka#4792): a --partition run that reaches
    // its end within milliseconds, or a group member stopping right after another one left. So
    // the assignment is given up first: a manual one at once; a group one by unsubscribing and
    // serving the revocation (at most s_leaveWait) before Close(), so that no new assignment can
    // arrive while it closes. Messages returned meanwhile are not handled and their offsets not
    // stored: the next owner reads them. With --commit auto reading one would store its offset,
    // so that mode closes directly, as before.
    private void Leave(IConsumer<byte[], byte[]> consumer)
    {
        if (options.Assignment is not null)
        {
            consumer.Unassign();
        }
        else if (options.Commit == CommitMode.AfterProcessing)
        {
            consumer.Unsubscribe();
            var until = Stopwatch.GetTimestamp() + (long)(s_leaveWait.TotalSeconds * Stopwatch.Frequency);
            while (consumer.Assignment.Count > 0 && Stopwatch.GetTimestamp() < until)
            {
                try
                {
                    _ = consumer.Consume(TimeSpan.FromMilliseconds(20));
                }
                catch (ConsumeException)
                {
                    // An error for a partition being given up changes nothing here.
                }
            }
        }

        consumer.Close();
    }

    private void Start(IConsumer<byte[], byte[]> consumer)
    {
        if (options.Assignment is { } manual)
        {
            LearnLeaders(consumer, manual);
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

    // A partition assigned by hand before the client knows its leader waits for librdkafka's 500 ms
    // offset-query timer, and then behind any fetch long-poll already under way: a second lost on
    // the embedded broker, measured. Asking one partition's watermarks makes the client learn the
    // whole topic's leaders first (one metadata and one ListOffsets round trip); not knowing them
    // only delays the first fetch, so a failure here is a warning.
    private void LearnLeaders(IConsumer<byte[], byte[]> consumer, IEnumerable<PartitionAssignment> manual)
    {
        foreach (var first in manual.DistinctBy(a => a.Topic))
        {
            try
            {
                _ = consumer.QueryWatermarkOffsets(new TopicPartition(first.Topic, first.Partition), options.ConnectTimeout);
            }
            catch (KafkaException ex)
            {
                logger.LogWarning("Consumer {Instance}: could not reach the leader of {Topic}[{Partition}] ({Reason}); reading starts once the client finds it",
                    number, first.Topic, first.Partition, ex.Error.Reason);
            }
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
            .SetPartitionsAssignedHandler((c, partitions) =>
            {
                _assignment.Track(partitions, added: true, "assigned");
                _ends?.TakeEnds(c, partitions);
                var start = _start.ForAssigned(c, partitions);
                return _batch is null ? start : _batch.Assigned(partitions, WithoutStoredOffset(start.ToDictionary(s => s.TopicPartition)));
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
        while (!run.ShouldStop && !_errors.Fatal)
        {
            ConsumeResult<byte[], byte[]>? result;
            try
            {
                result = consumer.Consume(TimeSpan.Zero);
                if (result is null)
                {
                    // Caught up with what was fetched: show it and store its offsets before waiting.
                    _checkpoint.Checkpoint();
                    result = consumer.Consume(s_pollInterval);
                }
            }
            catch (ConsumeException ex) when (run.ToEnd is { } toEnd && ex.ConsumerRecord is { } record
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
                    run.MarkFatal();
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

            // Past --max-messages another instance may still have read one more: it is neither
            // handled nor stored, so the next run reads it.
            if (!run.TryClaim())
            {
                break;
            }

            if (!processor.Handle(result, out var shown))
            {
                logger.LogCritical("Consumer {Instance}: stopping so that {Topic}[{Partition}]@{Offset} is read again next time",
                    number, result.Topic, result.Partition.Value, result.Offset.Value);
                run.MarkFatal();
                break;
            }

            _batch?.Handled(result.TopicPartition, result.Offset.Value, shown is null ? null : StoredEvents.From(result, shown, DateTimeOffset.UtcNow));
            if (options.Commit == CommitMode.AfterProcessing)
            {
                _checkpoint.Handled(result);
            }

            _ends?.Handled(consumer, result);
        }

        if (_errors.Fatal)
        {
            run.MarkFatal();
        }
    }

    // A partition the database has no offset for starts where --from says; the offset Kafka may
    // have committed for the group is not used: what it covers is not in the database.
    private Func<TopicPartition, TopicPartitionOffset> WithoutStoredOffset(Dictionary<TopicPartition, TopicPartitionOffset> start) => partition =>
        start.TryGetValue(partition, out var offset) && offset.Offset != Offset.Unset ? offset
        : new TopicPartitionOffset(partition, options.From.Kind switch
        {
            StartKind.Latest => Offset.End,
            StartKind.Committed => Offset.Stored,
            _ => Offset.Beginning,
        });

    // Before Kafka hears of any offset, the database gets the events and offsets in one
    // transaction. If that fails nothing is acknowledged past what the database holds: the run stops.
    private bool WriteBatch()
    {
        if (_batch is null)
        {
            return true;
        }

        try
        {
            _batch.Write();
            return true;
        }
        catch (Exception ex) when (ex is StoreException or StoreConflictException)
        {
            logger.LogCritical("Consumer {Instance}: {Reason}; stopping, and acknowledging nothing the store does not hold", number, ex.Message);
            run.MarkFatal();
            return false;
        }
    }

    // With --commit after-processing, stored offsets are committed when partitions are taken away
    // and at shutdown, so the next owner starts right after the last message handled here.
    private void CommitHandled(IConsumer<byte[], byte[]> consumer, string occasion)
    {
        if (options.Commit != CommitMode.AfterProcessing)
        {
            return;
        }

        if (_outside?.Refused == true)
        {
            _checkpoint.Checkpoint();
        }
        else
        {
            _checkpoint.Commit(consumer.Commit, occasion, _outside is null ? null : _outside.Refuses);
        }
    }
}
