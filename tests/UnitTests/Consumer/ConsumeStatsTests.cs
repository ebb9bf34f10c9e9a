using KafkaDemo.Common.Decoding;
using KafkaDemo.Consumer;

namespace KafkaDemo.UnitTests.Consumer;

public class ConsumeStatsTests
{
    private static readonly DecodedMessage Created = new(PayloadKind.Json, "{}", "note_created");
    private static readonly DecodedMessage Deleted = new(PayloadKind.Json, "{}", "note_deleted");
    private static readonly DecodedMessage Invalid = new(PayloadKind.Invalid, "{", Error: "not JSON");

    [Fact]
    public void Every_handled_message_is_consumed_and_either_shown_or_filtered_out()
    {
        var stats = new ConsumeStats();

        stats.Handled("t", 0, Created, shown: true, deadLettered: false);
        stats.Handled("t", 0, Deleted, shown: false, deadLettered: false);
        stats.Handled("t", 1, Invalid, shown: false, deadLettered: true);

        var summary = stats.Snapshot(fatal: false, startFailed: false);
        Assert.Equal((3L, 1L, 2L, 1L, 1L), (summary.Consumed, summary.Shown, summary.FilteredOut, summary.Invalid, summary.DeadLettered));
        Assert.True(summary.Succeeded);
    }

    [Fact]
    public void Partitions_are_named_topic_and_number_in_order_and_event_types_are_sorted()
    {
        var stats = new ConsumeStats();

        stats.Handled("b", 10, Created, shown: true, deadLettered: false);
        stats.Handled("b", 2, Deleted, shown: true, deadLettered: false);
        stats.Handled("a", 5, Created, shown: true, deadLettered: false);
        stats.Handled("a", 5, Invalid, shown: true, deadLettered: false);

        var summary = stats.Snapshot(fatal: false, startFailed: false);
        Assert.Equal(["a[5]", "b[2]", "b[10]"], summary.PerPartition.Keys);
        Assert.Equal([2L, 1L, 1L], summary.PerPartition.Values);
        Assert.Equal([("note_created", 2L), ("note_deleted", 1L)], summary.PerEventType.Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public void A_fatal_or_failed_start_makes_the_summary_unsuccessful()
    {
        var stats = new ConsumeStats();

        Assert.False(stats.Snapshot(fatal: true, startFailed: false).Succeeded);
        Assert.False(stats.Snapshot(fatal: false, startFailed: true).Succeeded);
    }
}
