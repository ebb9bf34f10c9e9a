using Confluent.Kafka;
using KafkaDemo.Consumer.Offsets;
using Microsoft.Extensions.Logging.Abstractions;

namespace KafkaDemo.UnitTests.Consumer.Offsets;

public class OffsetCheckpointTests
{
    private readonly List<string> _events = [];
    private bool _outputWorks = true;

    private OffsetCheckpoint Create(Action<TopicPartitionOffset>? store = null) => new(
        () =>
        {
            _events.Add("flush");
            return _outputWorks;
        },
        store ?? (offset => _events.Add($"store {offset.Topic}[{offset.Partition.Value}]@{offset.Offset.Value}")),
        NullLogger.Instance,
        instance: 1);

    private static ConsumeResult<byte[], byte[]> Read(int partition, long offset) => new()
    {
        Topic = "t",
        Partition = new Partition(partition),
        Offset = new Offset(offset),
        Message = new Message<byte[], byte[]>(),
    };

    [Fact]
    public void Offsets_are_stored_only_after_the_output_was_flushed_one_past_the_last_message_per_partition()
    {
        var checkpoint = Create();
        checkpoint.Handled(Read(0, 4));
        checkpoint.Handled(Read(0, 5));
        checkpoint.Handled(Read(1, 7));

        checkpoint.Checkpoint();

        Assert.Equal(["flush", "store t[0]@6", "store t[1]@8"], _events);
        Assert.Empty(checkpoint.Pending);
    }

    [Fact]
    public void When_the_output_is_broken_nothing_is_stored_and_the_messages_will_be_read_again()
    {
        var checkpoint = Create();
        checkpoint.Handled(Read(0, 4));
        _outputWorks = false;

        checkpoint.Checkpoint();

        Assert.Equal(["flush"], _events);
        Assert.Empty(checkpoint.Pending);
    }

    [Fact]
    public void Every_thousand_messages_a_checkpoint_happens_on_its_own()
    {
        var checkpoint = Create();

        for (var offset = 0; offset < OffsetCheckpoint.CheckpointEvery; offset++)
        {
            checkpoint.Handled(Read(0, offset));
        }

        Assert.Equal(["flush", $"store t[0]@{OffsetCheckpoint.CheckpointEvery}"], _events);
    }

    [Fact]
    public void Lost_partitions_are_forgotten_so_their_offsets_are_never_stored_here()
    {
        var checkpoint = Create();
        checkpoint.Handled(Read(0, 4));
        checkpoint.Handled(Read(1, 7));

        checkpoint.Forget([new TopicPartition("t", 0)]);
        checkpoint.Checkpoint();

        Assert.Equal(["flush", "store t[1]@8"], _events);
    }

    [Fact]
    public void A_store_the_client_refuses_is_skipped_and_the_others_are_still_stored()
    {
        var stored = new List<long>();
        var checkpoint = Create(offset =>
        {
            if (offset.Partition.Value == 0)
            {
                throw new KafkaException(ErrorCode.Local_State);
            }

            stored.Add(offset.Offset.Value);
        });
        checkpoint.Handled(Read(0, 4));
        checkpoint.Handled(Read(1, 7));

        checkpoint.Checkpoint();

        Assert.Equal([8L], stored);
    }

    [Fact]
    public void A_commit_first_checkpoints_so_what_was_handled_is_stored_before_it_is_committed()
    {
        var checkpoint = Create();
        checkpoint.Handled(Read(0, 4));

        checkpoint.Commit(() =>
        {
            _events.Add("commit");
            return [new TopicPartitionOffset("t", 0, 5)];
        }, "shutdown");

        Assert.Equal(["flush", "store t[0]@5", "commit"], _events);
    }

    [Theory]
    [InlineData(ErrorCode.Local_NoOffset)]
    [InlineData(ErrorCode.RebalanceInProgress)]
    public void A_commit_the_broker_refuses_is_reported_not_thrown(ErrorCode code)
    {
        var checkpoint = Create();

        var error = Record.Exception(() => checkpoint.Commit(() => throw new KafkaException(code), "revocation"));

        Assert.Null(error);
    }
}
