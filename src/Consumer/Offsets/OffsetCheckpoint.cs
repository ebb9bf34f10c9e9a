using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer.Offsets;

/// <summary>
/// Where a consumer instance keeps the offsets of what it handled (with <c>--commit
/// after-processing</c>) until they may be stored: only after what was handled is durable (the
/// output flushed, the store written), so no offset is committed for a line that never reached
/// stdout or an event the store does not hold. Storing is local: librdkafka commits stored offsets
/// every auto.commit.interval.ms, and the instance commits here on revocation and shutdown.
/// </summary>
/// <remarks>
/// The previous message's partition entry is tried before the dictionary, only for speed:
/// consecutive messages mostly come from one partition, so most are recorded without a lookup.
/// It could go (leaving the dictionary) once recording an offset no longer shows in the
/// Consumer's profile, for example if offsets were recorded per fetched batch.
/// </remarks>
/// <param name="makeDurable">Makes what was handled durable (<see cref="BeforeOffsetsMove"/>); false when it could not, and then no offset moves.</param>
/// <param name="store">Stores one offset with the client (<c>IConsumer.StoreOffset</c>).</param>
/// <param name="logger">Where a failed store is reported.</param>
/// <param name="instance">The instance number, for log lines.</param>
public sealed class OffsetCheckpoint(Func<bool> makeDurable, Action<TopicPartitionOffset> store, ILogger logger, int instance)
{
    /// <summary>Most messages handled between two checkpoints while the queue never runs dry.</summary>
    public const int CheckpointEvery = 1000;

    // Per partition, the offset to store at the next checkpoint: one past the last message handled.
    private readonly Dictionary<TopicPartition, Progress> _handled = [];
    private Progress? _last;
    private int _sinceCheckpoint;

    /// <summary>Offsets waiting for the next checkpoint, one per partition.</summary>
    public IReadOnlyCollection<TopicPartitionOffset> Pending => [.. _handled.Values.Select(p => p.ToStore())];

    /// <summary>Records <paramref name="result"/> as handled; checkpoints every <see cref="CheckpointEvery"/> messages.</summary>
    public void Handled(ConsumeResult<byte[], byte[]> result)
    {
        var progress = _last;
        if (progress is null || progress.Partition.Partition.Value != result.Partition.Value || progress.Partition.Topic != result.Topic)
        {
            var partition = result.TopicPartition;
            if (!_handled.TryGetValue(partition, out progress))
            {
                progress = new Progress(partition);
                _handled.Add(partition, progress);
            }

            _last = progress;
        }

        (progress.Next, progress.LeaderEpoch) = (result.Offset.Value + 1, result.LeaderEpoch);
        if (++_sinceCheckpoint >= CheckpointEvery)
        {
            Checkpoint();
        }
    }

    /// <summary>Makes what was handled durable, then stores its offsets.</summary>
    public void Checkpoint()
    {
        _sinceCheckpoint = 0;
        if (!makeDurable())
        {
            // Those lines may never have been shown, or stored: their messages are read again next time.
            Clear();
            return;
        }

        foreach (var offset in _handled.Values.Select(p => p.ToStore()))
        {
            try
            {
                store(offset);
            }
            catch (KafkaException ex)
            {
                // The partition is no longer assigned here; its next owner reads these messages again.
                logger.LogWarning("Consumer {Instance}: could not store offset {Topic}[{Partition}]@{Offset} ({Reason}); those messages will be read again",
                    instance, offset.Topic, offset.Partition.Value, offset.Offset.Value, ex.Error.Reason);
            }
        }

        Clear();
    }

    /// <summary>Drops what was handled in partitions this instance lost: another member may own them now and read it again.</summary>
    public void Forget(IEnumerable<TopicPartition> partitions)
    {
        foreach (var partition in partitions)
        {
            _handled.Remove(partition);
        }

        _last = null;
    }

    /// <summary>
    /// Checkpoints, then commits what is stored through <paramref name="commit"/> (<c>IConsumer.Commit</c>),
    /// on revocation or shutdown. A failed commit loses nothing: the next owner of the partitions
    /// starts from the last commit that succeeded and reads the rest again. A failure that
    /// <paramref name="explains"/> answers true for has been told already, and is not told again.
    /// </summary>
    public void Commit(Func<List<TopicPartitionOffset>> commit, string occasion, Func<Error, bool>? explains = null)
    {
        Checkpoint();
        try
        {
            var committed = commit().Where(o => !o.Offset.IsSpecial).ToList();
            if (committed.Count > 0)
            {
                logger.LogInformation("Consumer {Instance}: committed {Offsets} on {Occasion}", instance,
                    string.Join(", ", committed.Select(o => $"{o.Topic}[{o.Partition.Value}]@{o.Offset.Value}")), occasion);
            }
        }
        catch (KafkaException ex) when (ex.Error.Code == ErrorCode.Local_NoOffset)
        {
            // Nothing handled since the last commit.
        }
        catch (KafkaException ex) when (explains?.Invoke(ex.Error) == true)
        {
        }
        catch (KafkaException ex)
        {
            logger.LogWarning("Consumer {Instance}: commit on {Occasion} failed ({Reason}); messages handled since the last commit will be read again",
                instance, occasion, ex.Error.Reason);
        }
    }

    private void Clear()
    {
        _handled.Clear();
        _last = null;
    }

    private sealed class Progress(TopicPartition partition)
    {
        public TopicPartition Partition { get; } = partition;

        public long Next { get; set; }

        public int? LeaderEpoch { get; set; }

        public TopicPartitionOffset ToStore() => new(Partition, new Offset(Next), LeaderEpoch);
    }
}
