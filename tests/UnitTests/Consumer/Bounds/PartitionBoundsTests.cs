using Confluent.Kafka;
using KafkaDemo.Consumer.Bounds;

namespace KafkaDemo.UnitTests.Consumer.Bounds;

public class PartitionBoundsTests
{
    private static readonly TopicPartition P0 = new("t", 0);
    private static readonly TopicPartition P1 = new("t", 1);

    [Fact]
    public void An_offset_bound_stops_before_that_offset()
    {
        var bounds = new PartitionBounds(new UntilBound(UntilKind.Offset, 5));

        Assert.False(bounds.IsPast(P0, 4, 0));
        Assert.False(bounds.IsLast(P0, 3));
        Assert.True(bounds.IsLast(P0, 4));
        Assert.True(bounds.IsPast(P0, 5, 0));
    }

    [Fact]
    public void A_count_bound_counts_each_partition_from_its_first_message()
    {
        var bounds = new PartitionBounds(new UntilBound(UntilKind.Count, 2));

        Assert.False(bounds.IsPast(P0, 10, 0));
        Assert.False(bounds.IsLast(P0, 10));
        Assert.False(bounds.IsPast(P1, 3, 0));
        Assert.False(bounds.IsPast(P0, 11, 0));
        Assert.True(bounds.IsLast(P0, 11));
        Assert.True(bounds.IsPast(P0, 12, 0));
        Assert.False(bounds.IsLast(P1, 3));
    }

    [Fact]
    public void A_count_bound_does_not_count_a_message_read_again_after_a_rebalance()
    {
        var bounds = new PartitionBounds(new UntilBound(UntilKind.Count, 3));
        bounds.IsPast(P0, 0, 0);
        bounds.IsPast(P0, 1, 0);

        // The partition moved before its commit: its next owner reads 0 and 1 again.
        Assert.False(bounds.IsPast(P0, 0, 0));
        Assert.False(bounds.IsPast(P0, 1, 0));
        Assert.False(bounds.IsLast(P0, 1));
        Assert.False(bounds.IsPast(P0, 2, 0));
        Assert.True(bounds.IsLast(P0, 2));
    }

    [Fact]
    public void A_time_bound_stops_at_the_first_message_with_a_later_timestamp_and_stays_there()
    {
        var bounds = new PartitionBounds(new UntilBound(UntilKind.Time, 1_000));

        Assert.False(bounds.IsPast(P0, 0, 999));
        Assert.False(bounds.IsPast(P0, 1, 1_000));
        Assert.True(bounds.IsPast(P0, 2, 1_001));
        // Timestamps need not grow: what follows the stop is past it all the same.
        Assert.True(bounds.IsPast(P0, 3, 500));
        // Read again from an earlier commit, the message before the stop is the last one.
        Assert.False(bounds.IsPast(P0, 1, 1_000));
        Assert.True(bounds.IsLast(P0, 1));
    }

    [Fact]
    public void A_message_without_a_timestamp_is_not_past_a_time_bound()
    {
        var bounds = new PartitionBounds(new UntilBound(UntilKind.Time, 1_000));

        Assert.False(bounds.IsPast(P0, 0, -1));
    }
}
