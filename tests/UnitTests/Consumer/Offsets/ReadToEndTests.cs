using Confluent.Kafka;
using KafkaDemo.Consumer.Bounds;
using KafkaDemo.Consumer.Offsets;

namespace KafkaDemo.UnitTests.Consumer.Offsets;

public class ReadToEndTests
{
    private static readonly TopicPartition P0 = new("t", 0);
    private static readonly TopicPartition P1 = new("t", 1);

    [Fact]
    public void A_partition_is_read_to_its_end_once_the_message_just_before_it_is_handled()
    {
        var toEnd = new ReadToEnd([P0]);
        toEnd.TakeEnds([P0], _ => 10);

        Assert.False(toEnd.Handled(P0, 8));
        Assert.True(toEnd.Handled(P0, 9));
        Assert.False(toEnd.Done);
        toEnd.Committed(P0);

        Assert.True(toEnd.Done);
    }

    [Fact]
    public void The_run_is_done_only_when_every_partition_is_not_just_those_of_one_instance()
    {
        var toEnd = new ReadToEnd([P0, P1]);
        toEnd.TakeEnds([P0], _ => 1);

        toEnd.Handled(P0, 0);
        toEnd.Committed(P0);

        Assert.False(toEnd.Done);
    }

    [Fact]
    public void An_empty_partition_is_done_when_librdkafka_reports_its_end()
    {
        var toEnd = new ReadToEnd([P0]);
        toEnd.TakeEnds([P0], _ => 0);

        Assert.True(toEnd.ReachedEnd(P0, 0));
        toEnd.Committed(P0);

        Assert.True(toEnd.Done);
    }

    [Fact]
    public void The_end_is_the_one_taken_at_the_first_assignment_even_after_the_partition_moves()
    {
        var toEnd = new ReadToEnd([P0]);
        toEnd.TakeEnds([P0], _ => 5);

        toEnd.TakeEnds([P0], _ => 500);

        Assert.True(toEnd.Handled(P0, 4));
    }

    [Fact]
    public void A_partition_whose_end_is_not_known_yet_is_not_done_by_an_end_report()
    {
        var toEnd = new ReadToEnd([P0]);

        Assert.False(toEnd.ReachedEnd(P0, 1_000));
        Assert.False(toEnd.Done);
        Assert.True(toEnd.NeedsEnd(P0));
    }

    [Fact]
    public void Under_until_alone_no_partition_takes_its_high_watermark_as_its_end()
    {
        var toEnd = new ReadToEnd([P0], new PartitionBounds(new UntilBound(UntilKind.Count, 1)), untilHighWatermark: false);

        toEnd.TakeEnds([P0], _ => throw new InvalidOperationException("no watermark is asked for"));

        Assert.False(toEnd.NeedsEnd(P0));
        Assert.False(toEnd.Handled(P0, 0));
        Assert.True(toEnd.IsPending(P0));
        toEnd.Committed(P0);
        Assert.True(toEnd.Done);
    }

    [Fact]
    public void A_partition_with_nothing_to_read_under_from_committed_no_longer_holds_the_run()
    {
        var toEnd = new ReadToEnd([P0]);

        toEnd.Unreadable(P0);

        Assert.True(toEnd.Done);
    }

    [Fact]
    public void Reading_nothing_at_all_is_done_at_once()
    {
        Assert.True(new ReadToEnd([]).Done);
    }

    [Fact]
    public void A_partition_whose_commit_failed_stays_pending_and_reaching_its_end_again_asks_for_the_commit_again()
    {
        var toEnd = new ReadToEnd([P0]);
        toEnd.TakeEnds([P0], _ => 3);

        Assert.True(toEnd.Handled(P0, 2));
        Assert.False(toEnd.Done);
        Assert.True(toEnd.Handled(P0, 2));
        toEnd.Committed(P0);

        Assert.True(toEnd.Done);
        Assert.False(toEnd.Handled(P0, 2));
    }
}
