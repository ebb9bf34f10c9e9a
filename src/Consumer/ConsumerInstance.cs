using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Consumer.Offsets;
using KafkaDemo.Consumer.Processing;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer;

/// <summary>
/// One consumer (one group member, or one manual assignment) running its poll loop on the calling
/// thread until the run's stop conditions say so, then committing what it handled and leaving.
/// Each message goes through the <see cref="MessageProcessor"/>; with <c>--commit
/// after-processing</c> its offset waits in the <see cref="OffsetCheckpoint"/> until the output is
/// flushed: whenever the local queue runs dry, every 1,000 messages, and before every commit.
/// </summary>
internal sealed class ConsumerInstance(int number, ConsumerOptions options, ConsumerConfig config, RunContext run, MessageProcessor processor, ILogger logger)
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(200);

    private readonly ClientErrors _errors = new(logger, "consumer");
    private readonly StartOffsets _start = new(options.From);
    private readonly HashSet<TopicPartition> _assignment = [];
    private OffsetCheckpoint _checkpoint = null!;

    public void Run()
    {
        using var consumer = Build();
        _checkpoint = new OffsetCheckpoint(run.FlushOutput, consumer.StoreOffset, logger, number);
        if (options.Assignment is { } manual)
        {
            var offsets = _start.ForManual(consumer, manual);
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
            .SetPartitionsAssignedHandler((c, partitions) =>
            {
                Track(partitions, added: true, "assigned");
                return _start.ForAssigned(c, partitions);
            })
            .SetPartitionsRevokedHandler((c, partitions) =>
            {
                CommitHandled(c, "revocation");
                Track(partitions.Select(p => p.TopicPartition), added: false, "revoked");
            })
            .SetPartitionsLostHandler((_, partitions) =>
            {
                _checkpoint.Forget(partitions.Select(p => p.TopicPartition));
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
                    _checkpoint.Checkpoint();
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
                _checkpoint.Handled(result);
            }
        }

        if (_errors.Fatal)
        {
            run.MarkFatal();
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

        _checkpoint.Checkpoint();

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
