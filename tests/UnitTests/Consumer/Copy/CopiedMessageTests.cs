using System.Text;
using Confluent.Kafka;
using KafkaDemo.Consumer.Copy;
using KafkaDemo.Consumer.DeadLetters;

namespace KafkaDemo.UnitTests.Consumer.Copy;

public class CopiedMessageTests
{
    private static readonly CopyOptions ToTarget = new("target", null);

    private static ConsumeResult<byte[], byte[]> Consumed(int partition, params (string Name, string Value)[] headers)
    {
        var all = new Headers();
        foreach (var (name, value) in headers)
        {
            all.Add(name, Encoding.UTF8.GetBytes(value));
        }

        return new ConsumeResult<byte[], byte[]>
        {
            TopicPartitionOffset = new TopicPartitionOffset("source", partition, 42),
            Message = new Message<byte[], byte[]>
            {
                Key = Encoding.UTF8.GetBytes("k"),
                Value = Encoding.UTF8.GetBytes("v"),
                Headers = all,
                Timestamp = new Timestamp(1_700_000_000_000, TimestampType.CreateTime),
            },
        };
    }

    private static (string, string)[] Headers(Message<byte[], byte[]> message) =>
        [.. message.Headers.Select(h => (h.Key, Encoding.UTF8.GetString(h.GetValueBytes())))];

    [Fact]
    public void A_copy_keeps_key_value_and_headers_and_lets_the_partitioner_and_the_clock_choose_the_rest()
    {
        var source = Consumed(2, ("a", "1"), ("a", "2"), ("b", "3"));

        Assert.True(CopiedMessage.TryCreate(source, ToTarget, out var destination, out var message, out _));

        Assert.Equal(new TopicPartition("target", Partition.Any), destination);
        Assert.Equal(("k", "v"), (Encoding.UTF8.GetString(message.Key), Encoding.UTF8.GetString(message.Value)));
        Assert.Equal([("a", "1"), ("a", "2"), ("b", "3")], Headers(message));
        Assert.Equal(Timestamp.Default, message.Timestamp);
    }

    [Fact]
    public void Keep_timestamps_and_keep_partitions_keep_the_source_ones()
    {
        var source = Consumed(2);

        Assert.True(CopiedMessage.TryCreate(source, ToTarget with { KeepTimestamps = true, KeepPartitions = true }, out var destination, out var message, out _));

        Assert.Equal(new TopicPartition("target", 2), destination);
        Assert.Equal((1_700_000_000_000, TimestampType.CreateTime), (message.Timestamp.UnixTimestampMs, message.Timestamp.Type));
    }

    [Fact]
    public void A_redrive_goes_to_the_topic_and_partition_the_last_dead_letter_headers_name()
    {
        var source = Consumed(0, ("h", "x"), (DeadLetterQueue.TopicHeader, "first"), (DeadLetterQueue.PartitionHeader, "1"),
            (DeadLetterQueue.TopicHeader, "orders"), (DeadLetterQueue.PartitionHeader, "5"));
        var redrive = new CopyOptions(null, null) { Redrive = true, KeepPartitions = true };

        Assert.True(CopiedMessage.TryCreate(source, redrive, out var destination, out _, out _));

        Assert.Equal(new TopicPartition("orders", 5), destination);
    }

    [Fact]
    public void Stripping_drops_only_the_dead_letter_headers()
    {
        var source = Consumed(0, ("h", "x"), (DeadLetterQueue.ErrorHeader, "bad"), (DeadLetterQueue.TopicHeader, "orders"),
            (DeadLetterQueue.PartitionHeader, "1"), (DeadLetterQueue.OffsetHeader, "7"));

        Assert.True(CopiedMessage.TryCreate(source, new CopyOptions(null, null) { Redrive = true, StripDeadLetterHeaders = true }, out var destination, out var message, out _));

        Assert.Equal(new TopicPartition("orders", Partition.Any), destination);
        Assert.Equal([("h", "x")], Headers(message));
    }

    [Theory]
    [InlineData(false, "no dlq.source.topic header")]
    [InlineData(true, "no dlq.source.partition header")]
    public void A_redrive_of_a_message_without_its_provenance_is_refused_with_the_reason(bool keepPartitions, string reason)
    {
        var source = keepPartitions ? Consumed(0, (DeadLetterQueue.TopicHeader, "orders")) : Consumed(0, ("h", "x"));

        Assert.False(CopiedMessage.TryCreate(source, new CopyOptions(null, null) { Redrive = true, KeepPartitions = keepPartitions }, out _, out _, out var error));

        Assert.Contains(reason, error);
    }
}
