using Confluent.Kafka;

namespace KafkaDemo.Consumer.Copy;

/// <summary>
/// One consumer instance's side of a copy, as <see cref="Store.StoreBatch"/> is of <c>--store</c>: the
/// next offset of each partition handled since the last checkpoint, made durable with the copies
/// at each checkpoint (<see cref="Write"/>) through the <see cref="CopyTarget"/>, with this
/// consumer's group metadata, so that a transaction is refused once the group has moved on.
/// </summary>
internal sealed class CopyBatch(CopyTarget target, IConsumer<byte[], byte[]> consumer)
{
    private readonly Dictionary<TopicPartition, TopicPartitionOffset> _next = [];
    private bool _failed;

    /// <summary>True when the transaction commits the offsets, so the consumer must not commit any itself.</summary>
    public bool CommitsOffsets => target.Transactional;

    /// <summary>Adds a handled message (copied or filtered out): its partition's next offset.</summary>
    public void Handled(ConsumeResult<byte[], byte[]> result) =>
        _next[result.TopicPartition] = new TopicPartitionOffset(result.TopicPartition, new Offset(result.Offset.Value + 1), result.LeaderEpoch);

    /// <summary>Makes the copies and their offsets durable; false once anything failed, and then no offset may move.</summary>
    public bool Write()
    {
        if (_failed)
        {
            return false;
        }

        try
        {
            _failed = !target.Commit(_next.Values, consumer.ConsumerGroupMetadata);
            return !_failed;
        }
        finally
        {
            // Committed, or to be read again from the committed offsets by whoever reads next.
            _next.Clear();
        }
    }

    /// <summary>
    /// <paramref name="partitions"/> were lost to another member, which copies them again from the
    /// committed offsets: their copies in the open transaction must not be committed, so it is aborted.
    /// </summary>
    public void Forget(IEnumerable<TopicPartition> partitions)
    {
        foreach (var partition in partitions)
        {
            _next.Remove(partition);
        }

        if (target.InTransaction)
        {
            _failed = !target.Abort("partitions were lost to another member of the group");
        }
    }
}
