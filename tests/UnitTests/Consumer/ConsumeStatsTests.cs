using KafkaDemo.Common.Decoding;
using KafkaDemo.Consumer;

namespace KafkaDemo.UnitTests.Consumer;

public class ConsumeStatsTests
{
    private static readonly DecodedMessage Created = new(PayloadKind.Json, "{}", EventType: "note_created");
    private static readonly DecodedMessage Deleted = new(PayloadKind.Protobuf, "{}", EventType: "note_deleted");
    private static readonly DecodedMessage Plain = new(PayloadKind.Plain, "hello");
    private static readonly DecodedMessage Invalid = new(PayloadKind.Invalid, "{}", Error: "no event_type");

    private static (long Consumed, long Shown, long FilteredOut, long Invalid, long DeadLettered) Counts(ConsumeStats stats)
    {
        var summary = stats.Snapshot(fatal: false, startFailed: false);
        return (summary.Consumed, summary.Shown, summary.FilteredOut, summary.Invalid, summary.DeadLettered);
    }

    [Fact]
    public void The_first_message_handled_is_remembered_and_later_ones_do_not_move_it()
    {
        var stats = new ConsumeStats();
        var before = DateTime.UtcNow;

        stats.Handled("t", 0, Created, shown: true, deadLettered: false);
        var first = stats.Snapshot(fatal: false, startFailed: false).FirstHandledUtc;
        stats.Handled("t", 0, Created, shown: true, deadLettered: false);

        Assert.NotNull(first);
        Assert.InRange(first.Value, before, DateTime.UtcNow);
        Assert.Equal(first, stats.Snapshot(fatal: false, startFailed: false).FirstHandledUtc);
        Assert.Null(new ConsumeStats().Snapshot(fatal: false, startFailed: false).FirstHandledUtc);
    }

    [Fact]
    public void A_new_snapshot_has_no_counts()
    {
        var stats = new ConsumeStats();

        var summary = stats.Snapshot(fatal: false, startFailed: false);

        Assert.Equal((0, 0, 0, 0, 0), Counts(stats));
        Assert.Empty(summary.PerPartition);
        Assert.Empty(summary.PerEventType);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void The_snapshot_carries_the_fatal_and_start_failed_flags_it_is_given(bool fatal, bool startFailed)
    {
        var stats = new ConsumeStats();

        var summary = stats.Snapshot(fatal, startFailed);

        Assert.Equal(fatal, summary.FatalError);
        Assert.Equal(startFailed, summary.StartFailed);
        Assert.Equal(!fatal && !startFailed, summary.Succeeded);
    }

    [Fact]
    public void Every_handled_message_is_consumed_and_either_shown_or_filtered_out()
    {
        var stats = new ConsumeStats();

        stats.Handled("t", 0, Created, shown: true, deadLettered: false);
        stats.Handled("t", 0, Deleted, shown: false, deadLettered: false);
        stats.Handled("t", 0, Plain, shown: true, deadLettered: false);

        Assert.Equal((3, 2, 1, 0, 0), Counts(stats));
    }

    [Fact]
    public void Invalid_and_dead_lettered_messages_are_counted_on_top_of_their_outcome()
    {
        var stats = new ConsumeStats();

        stats.Handled("t", 0, Invalid, shown: true, deadLettered: false);
        stats.Handled("t", 0, Invalid, shown: false, deadLettered: true);

        Assert.Equal((2, 1, 1, 2, 1), Counts(stats));
    }

    [Fact]
    public void Messages_are_counted_per_topic_and_partition_ordered_by_topic_then_partition_number()
    {
        var stats = new ConsumeStats();

        foreach (var (topic, partition) in new[] { ("orders", 10), ("b", 1), ("orders", 2), ("B", 0), ("orders", 10), ("b", 1), ("b", 1) })
        {
            stats.Handled(topic, partition, Plain, shown: true, deadLettered: false);
        }

        var perPartition = stats.Snapshot(false, false).PerPartition;
        Assert.Equal(
            [new("B[0]", 1L), new("b[1]", 3L), new("orders[2]", 1L), new KeyValuePair<string, long>("orders[10]", 2L)],
            perPartition);
    }

    [Fact]
    public void Messages_with_an_event_type_are_counted_per_type_in_ordinal_order()
    {
        var stats = new ConsumeStats();

        foreach (var decoded in new[] { Deleted, Created, Plain, Deleted, Invalid, Deleted })
        {
            stats.Handled("t", 0, decoded, shown: true, deadLettered: false);
        }

        var perEventType = stats.Snapshot(false, false).PerEventType;
        Assert.Equal([new("note_created", 1L), new KeyValuePair<string, long>("note_deleted", 3L)], perEventType);
    }

    [Fact]
    public void A_snapshot_is_a_copy_that_later_messages_do_not_change()
    {
        var stats = new ConsumeStats();
        stats.Handled("t", 0, Created, shown: true, deadLettered: false);
        var earlier = stats.Snapshot(false, false);

        stats.Handled("t", 0, Created, shown: true, deadLettered: false);
        stats.Handled("t", 1, Deleted, shown: false, deadLettered: false);

        Assert.Equal(1, earlier.Consumed);
        Assert.Equal(1, earlier.PerPartition["t[0]"]);
        Assert.Equal(1, Assert.Single(earlier.PerEventType).Value);
        Assert.Equal(3, stats.Snapshot(false, false).Consumed);
    }
}
