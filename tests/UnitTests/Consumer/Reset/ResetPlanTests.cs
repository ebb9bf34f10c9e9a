using Confluent.Kafka;
using KafkaDemo.Consumer.Reset;

namespace KafkaDemo.UnitTests.Consumer.Reset;

public class ResetPlanTests
{
    private static readonly PartitionState Read = new(new TopicPartition("t", 0), Committed: 10, Low: 5, High: 20, AtTime: 12);
    private static readonly PartitionState Unread = new(new TopicPartition("t", 1), Committed: null, Low: 0, High: 8);

    private static long?[] NewOffsets(ResetTarget target) => [.. ResetPlan.For(target, [Read, Unread]).Select(r => r.New)];

    [Fact]
    public void Earliest_and_latest_are_the_watermarks()
    {
        Assert.Equal([5L, 0L], NewOffsets(new ResetTarget(ResetKind.Earliest)));
        Assert.Equal([20L, 8L], NewOffsets(new ResetTarget(ResetKind.Latest)));
    }

    [Fact]
    public void An_offset_is_kept_between_the_watermarks()
    {
        Assert.Equal([15L, 8L], NewOffsets(new ResetTarget(ResetKind.Offset, 15)));
        Assert.Equal([5L, 0L], NewOffsets(new ResetTarget(ResetKind.Offset, 0)));
    }

    [Fact]
    public void A_shift_moves_the_committed_offset_within_the_watermarks_and_skips_partitions_without_one()
    {
        Assert.Equal([7L, null], NewOffsets(new ResetTarget(ResetKind.Shift, -3)));
        Assert.Equal([5L, null], NewOffsets(new ResetTarget(ResetKind.Shift, -100)));
        Assert.Equal([20L, null], NewOffsets(new ResetTarget(ResetKind.Shift, 100)));
    }

    [Fact]
    public void A_time_goes_to_the_first_offset_at_or_after_it_or_to_the_end_when_there_is_none()
    {
        Assert.Equal([12L, 8L], NewOffsets(new ResetTarget(ResetKind.Time, Time: DateTimeOffset.UnixEpoch)));
    }

    [Fact]
    public void The_table_says_whether_it_is_a_plan_or_done_and_marks_partitions_left_alone()
    {
        var rows = ResetPlan.For(new ResetTarget(ResetKind.Shift, -3), [Read, Unread]);

        Assert.Equal(
        [
            "Group g: reset plan (dry run; add --execute to apply it)",
            "TOPIC  PARTITION  CURRENT  NEW",
            "t      0          10       7",
            "t      1          -        - (no committed offset to shift)",
        ], ResetPlan.Render("g", rows, executed: false));
        Assert.Equal("Group g: offsets reset", ResetPlan.Render("g", rows, executed: true)[0]);
    }
}
