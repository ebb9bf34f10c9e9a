using Confluent.Kafka;
using KafkaDemo.Cli;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer;

/// <summary>
/// One consumer (one group member, or one manual assignment) running its poll loop on the calling
/// thread until the run's stop conditions say so, then committing what it handled and leaving.
/// </summary>
/// <remarks>
/// Output is written through a buffer. With <c>--commit after-processing</c> the offsets of handled
/// messages wait here until a checkpoint flushes the output and only then stores them, so no offset
/// is committed for a line that has not reached stdout. A checkpoint happens whenever the local
/// queue runs dry, every <see cref="CheckpointEvery"/> messages, and before every commit.
/// </remarks>
internal sealed class ConsumerInstance(int number, ConsumerOptions options, ConsumerConfig config, RunContext run, MessageProcessor processor, ILogger logger)
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan s_metadataTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Most messages handled between two checkpoints while the queue never runs dry.</summary>
    public const int CheckpointEvery = 1000;

    private readonly ClientErrors _errors = new(logger, "consumer");
    private readonly HashSet<TopicPartition> _assignment = [];
    private readonly HashSet<TopicPartition> _positioned = [];
    // Per partition, the offset to store once the output is flushed: one past the last message handled.
    private readonly Dictionary<TopicPartition, TopicPartitionOffset> _handled = [];
    private int _sinceCheckpoint;

    public void Run()
    {
        using var consumer = Build();
        if (options.Assignment is { } manual)
        {
            var offsets = StartOffsets(consumer, manual);
            consumer.Assign(offsets);
            Track(offsets.Select(o => o.TopicPartition), added: true, "assigned (manual)");
        }
        else
        {
            consumer.Subscribe(options.Topics);
        }

        try
        {
            Poll(consumer);
        }
        finally
        {
            CommitHandled(consumer, "shutdown");
            // Close() leaves the group at once, so the partitions move to the remaining members
            // without waiting for a session timeout.
            consumer.Close();
        }
    }

    private IConsumer<byte[], byte[]> Build()
    {
        var builder = new ConsumerBuilder<byte[], byte[]>(config)
            .SetErrorHandler((_, error) => _errors.Report(error))
            .SetLogHandler((_, message) => ConsoleLogging.Forward(logger, message))
            .SetPartitionsAssignedHandler((c, partitions) => OnAssigned(c, partitions))
            .SetPartitionsRevokedHandler((c, partitions) =>
            {
                CommitHandled(c, "revocation");
                Track(partitions.Select(p => p.TopicPartition), added: false, "revoked");
            })
            .SetPartitionsLostHandler((_, partitions) =>
            {
                // Another member may own these now: what was handled here is read again there.
                partitions.ForEach(p => _handled.Remove(p.TopicPartition));
                Track(partitions.Select(p => p.TopicPartition), added: false, "lost");
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
                    Checkpoint(consumer);
                    result = consumer.Consume(s_pollInterval);
                }
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

            if (!processor.Handle(result))
            {
                logger.LogCritical("Consumer {Instance}: stopping so that {Topic}[{Partition}]@{Offset} is read again next time",
                    number, result.Topic, result.Partition.Value, result.Offset.Value);
                run.MarkFatal();
                break;
            }

            if (options.Commit == CommitMode.AfterProcessing)
            {
                _handled[result.TopicPartition] = new TopicPartitionOffset(result.TopicPartition, result.Offset + 1, result.LeaderEpoch);
                if (++_sinceCheckpoint >= CheckpointEvery)
                {
                    Checkpoint(consumer);
                }
            }
        }

        if (_errors.Fatal)
        {
            run.MarkFatal();
        }
    }

    private IEnumerable<TopicPartitionOffset> OnAssigned(IConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions)
    {
        Track(partitions, added: true, "assigned");
        if (options.From.Kind != StartKind.Time)
        {
            return partitions.Select(p => new TopicPartitionOffset(p, Offset.Unset));
        }

        // A time repositions each partition once; after a later rebalance the member resumes
        // from the committed offsets instead of reading everything since that time again.
        var fresh = partitions.Where(_positioned.Add).ToList();
        var atTime = OffsetsAtTime(consumer, fresh).ToDictionary(o => o.TopicPartition);
        return partitions.Select(p => atTime.TryGetValue(p, out var offset) ? offset : new TopicPartitionOffset(p, Offset.Unset));
    }

    private List<TopicPartitionOffset> StartOffsets(IConsumer<byte[], byte[]> consumer, IReadOnlyList<PartitionAssignment> manual)
    {
        var explicitOffsets = manual.Where(a => a.Offset is not null)
            .Select(a => new TopicPartitionOffset(a.Topic, a.Partition, new Offset(a.Offset!.Value)));
        var rest = manual.Where(a => a.Offset is null).Select(a => new TopicPartition(a.Topic, a.Partition)).ToList();
        var fromOption = options.From.Kind switch
        {
            StartKind.Time => OffsetsAtTime(consumer, rest),
            StartKind.Latest => rest.Select(p => new TopicPartitionOffset(p, Offset.End)),
            StartKind.Committed => rest.Select(p => new TopicPartitionOffset(p, Offset.Stored)),
            _ => rest.Select(p => new TopicPartitionOffset(p, Offset.Beginning)),
        };
        return [.. explicitOffsets, .. fromOption];
    }

    private IEnumerable<TopicPartitionOffset> OffsetsAtTime(IConsumer<byte[], byte[]> consumer, IReadOnlyList<TopicPartition> partitions)
    {
        if (partitions.Count == 0)
        {
            return [];
        }

        var timestamp = new Timestamp(options.From.Time!.Value);
        var found = consumer.OffsetsForTimes(partitions.Select(p => new TopicPartitionTimestamp(p, timestamp)), s_metadataTimeout);
        // No message at or after the time: start at the end, waiting for new ones.
        return found.Select(o => o.Offset == Offset.End || o.Offset.Value < 0 ? new TopicPartitionOffset(o.TopicPartition, Offset.End) : o);
    }

    // Flushes the output, then stores the offsets of what it now shows. Storing is local: librdkafka
    // commits stored offsets every auto.commit.interval.ms and in CommitHandled.
    private void Checkpoint(IConsumer<byte[], byte[]> consumer)
    {
        _sinceCheckpoint = 0;
        if (!run.FlushOutput())
        {
            // Those lines may never have been shown: their messages are read again next time.
            _handled.Clear();
            return;
        }

        if (_handled.Count == 0)
        {
            return;
        }

        foreach (var offset in _handled.Values)
        {
            try
            {
                consumer.StoreOffset(offset);
            }
            catch (KafkaException ex)
            {
                // The partition is no longer assigned here; its next owner reads these messages again.
                logger.LogWarning("Consumer {Instance}: could not store offset {Topic}[{Partition}]@{Offset} ({Reason}); those messages will be read again",
                    number, offset.Topic, offset.Partition.Value, offset.Offset.Value, ex.Error.Reason);
            }
        }

        _handled.Clear();
    }

    // With --commit after-processing, stored offsets are committed when partitions are taken away
    // and at shutdown, so the next owner starts right after the last message handled here.
    private void CommitHandled(IConsumer<byte[], byte[]> consumer, string occasion)
    {
        if (options.Commit != CommitMode.AfterProcessing)
        {
            return;
        }

        Checkpoint(consumer);

        try
        {
            var committed = consumer.Commit().Where(o => !o.Offset.IsSpecial).ToList();
            if (committed.Count > 0)
            {
                logger.LogInformation("Consumer {Instance}: committed {Offsets} on {Occasion}", number,
                    string.Join(", ", committed.Select(o => $"{o.Topic}[{o.Partition.Value}]@{o.Offset.Value}")), occasion);
            }
        }
        catch (KafkaException ex) when (ex.Error.Code == ErrorCode.Local_NoOffset)
        {
            // Nothing handled since the last commit.
        }
        catch (KafkaException ex)
        {
            // Nothing is lost: the next owner of these partitions starts from the last commit
            // that succeeded and reads the handled-but-uncommitted messages again.
            logger.LogWarning("Consumer {Instance}: commit on {Occasion} failed ({Reason}); messages handled since the last commit will be read again",
                number, occasion, ex.Error.Reason);
        }
    }

    private void Track(IEnumerable<TopicPartition> partitions, bool added, string what)
    {
        var changed = partitions.ToList();
        foreach (var partition in changed)
        {
            _ = added ? _assignment.Add(partition) : _assignment.Remove(partition);
        }

        var level = what == "lost" ? LogLevel.Warning : LogLevel.Information;
        logger.Log(level, "Consumer {Instance}: {What} {Partitions}; now holds {Count}", number, what, Describe(changed), _assignment.Count);
        run.RaiseAssignmentChanged(number, [.. _assignment.OrderBy(p => p.Topic).ThenBy(p => p.Partition.Value)]);
    }

    private static string Describe(IReadOnlyCollection<TopicPartition> partitions) =>
        partitions.Count == 0 ? "no partitions" : string.Join(", ", partitions.Select(p => $"{p.Topic}[{p.Partition.Value}]"));
}
