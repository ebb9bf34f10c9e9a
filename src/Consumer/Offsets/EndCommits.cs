using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer.Offsets;

/// <summary>
/// One instance's part in <c>--exit-at-end</c> and <c>--until</c>: takes each newly assigned
/// partition's end, and commits a partition's position as soon as it reaches that end or its
/// bound, once what was handled is durable (the checkpoint), as every commit is. In the group only
/// a committed end counts (<see cref="ReadToEnd"/>); a run outside the group
/// (<paramref name="outside"/>) tries the commit once and counts the end either way. A partition
/// done at its bound is paused: nothing past the bound is fetched for it any more. When the
/// checkpoint itself commits the offsets (a transactional copy, <paramref name="committedByCheckpoint"/>),
/// the consumer commits nothing.
/// </summary>
internal sealed class EndCommits(int instance, ReadToEnd toEnd, OffsetCheckpoint checkpoint, ILogger logger, OutsideGroupCommits? outside = null, bool committedByCheckpoint = false)
{
    private static readonly TimeSpan s_watermarkTimeout = TimeSpan.FromSeconds(10);

    // Per partition, the first offset this instance did not handle because it lay past the bound:
    // where the partition stops, even when later messages already fetched come by as well.
    private readonly Dictionary<TopicPartition, long> _stoppedAt = [];

    /// <summary>Takes the high watermark of the partitions seen for the first time as their end.</summary>
    public void TakeEnds(IConsumer<byte[], byte[]> consumer, IEnumerable<TopicPartition> partitions) =>
        toEnd.TakeEnds(partitions, p => consumer.QueryWatermarkOffsets(p, s_watermarkTimeout).High.Value);

    /// <summary>librdkafka reported the end of a partition (a partition-EOF event).</summary>
    public void EndReported(IConsumer<byte[], byte[]> consumer, ConsumeResult<byte[], byte[]> eof)
    {
        if (toEnd.ReachedEnd(eof.TopicPartition, eof.Offset.Value))
        {
            Commit(consumer, eof.TopicPartition, eof.Offset.Value);
        }
    }

    /// <summary>A message was handled; commits its partition if that was the last one before its end or its bound.</summary>
    public void Handled(IConsumer<byte[], byte[]> consumer, ConsumeResult<byte[], byte[]> result)
    {
        var partition = result.TopicPartition;
        if (toEnd.Handled(partition, result.Offset.Value))
        {
            Commit(consumer, partition, result.Offset.Value + 1);
        }
        else if (toEnd.Bounds?.IsLast(partition, result.Offset.Value) == true && toEnd.IsPending(partition))
        {
            Commit(consumer, partition, result.Offset.Value + 1);
            PauseIfDone(consumer, partition);
        }
    }

    /// <summary>
    /// Whether <paramref name="result"/> lies past its partition's <c>--until</c> bound: then it is not
    /// to be handled (nor counted for <c>--max-messages</c>), and its partition is committed just
    /// before it, so the next run starts with it.
    /// </summary>
    public bool PastBound(IConsumer<byte[], byte[]> consumer, ConsumeResult<byte[], byte[]> result)
    {
        var timestamp = result.Message.Timestamp;
        if (toEnd.Bounds is not { } bounds
            || !bounds.IsPast(result.TopicPartition, result.Offset.Value, timestamp.Type == TimestampType.NotAvailable ? -1 : timestamp.UnixTimestampMs))
        {
            return false;
        }

        var partition = result.TopicPartition;
        var stop = _stoppedAt.TryGetValue(partition, out var earlier) ? Math.Min(earlier, result.Offset.Value) : result.Offset.Value;
        _stoppedAt[partition] = stop;
        if (toEnd.IsPending(partition))
        {
            Commit(consumer, partition, stop);
        }

        PauseIfDone(consumer, partition);
        return true;
    }

    private void PauseIfDone(IConsumer<byte[], byte[]> consumer, TopicPartition partition)
    {
        if (toEnd.IsPending(partition))
        {
            return;
        }

        try
        {
            consumer.Pause([partition]);
        }
        catch (KafkaException ex)
        {
            // Revoked meanwhile: its next owner meets the bound again and stops there.
            logger.LogDebug("Consumer {Instance}: could not pause {Topic}[{Partition}] ({Reason})", instance, partition.Topic, partition.Partition.Value, ex.Error.Reason);
        }
    }

    private void Commit(IConsumer<byte[], byte[]> consumer, TopicPartition partition, long next)
    {
        checkpoint.Checkpoint();
        if (committedByCheckpoint)
        {
            // Committed with the transaction, or the run is stopping because it was not.
            toEnd.Committed(partition);
            return;
        }

        if (outside?.Refused == true)
        {
            toEnd.EndedWithoutCommit(partition);
            return;
        }

        try
        {
            consumer.Commit([new TopicPartitionOffset(partition, next)]);
            toEnd.Committed(partition);
        }
        catch (KafkaException ex) when (outside is not null)
        {
            // No rebalance will hand this partition to a member that could commit it: it is read
            // to its end all the same, and a later run with --from committed starts at the last commit.
            toEnd.EndedWithoutCommit(partition);
            if (!outside.Refuses(ex.Error))
            {
                logger.LogWarning("Consumer {Instance}: {Topic}[{Partition}] is read to its end; its commit at {Offset} was not accepted ({Reason})",
                    instance, partition.Topic, partition.Partition.Value, next, ex.Error.Reason);
            }
        }
        catch (KafkaException ex)
        {
            logger.LogWarning("Consumer {Instance}: {Topic}[{Partition}] is read to its end, but its commit at {Offset} failed ({Reason}); it will be read again from its last commit",
                instance, partition.Topic, partition.Partition.Value, next, ex.Error.Reason);
        }
    }
}
