using KafkaDemo.Consumer.Lag;

namespace KafkaDemo.UnitTests.Consumer.Lag;

public class LagFrameTests
{
    [Fact]
    public void The_title_names_the_group_the_interval_and_the_time_of_the_measurement()
    {
        Assert.Equal("Group g1, every 2s, at 2026-11-30T01:02:03Z (Ctrl+C stops)",
            LagFrame.Title("g1", TimeSpan.FromSeconds(2), new DateTimeOffset(2026, 11, 30, 1, 2, 3, TimeSpan.Zero)));
    }

    [Fact]
    public void Each_partition_has_its_offsets_rates_and_a_bar_of_its_lag_scaled_to_the_largest()
    {
        PartitionLag[] rows = [new("t", 0, 2, 10), new("t", 1, 5, 5), new("t", 2, null, 3)];

        var lines = LagFrame.Render("title", rows, [(1.5, 0.5), (0, 0), (2, null)]);

        Assert.Equal(
        [
            "title",
            "TOPIC  PARTITION  LOG-END  COMMITTED  IN/S  OUT/S │LAG",
            "t      0          10       2          1.5   0.5   │" + new string('█', LagFrame.BarWidth) + " 8",
            "t      1          5        5          0.0   0.0   │" + new string(' ', LagFrame.BarWidth) + " 0",
            "t      2          3        -          2.0   -     │" + new string(' ', LagFrame.BarWidth) + " -",
            "Total lag: 8 (1 partition without a committed offset); in 3.5 msg/s, out 0.5 msg/s",
        ], lines);
    }

    [Fact]
    public void The_first_frame_has_no_rates_yet()
    {
        var lines = LagFrame.Render("title", [new("t", 0, 4, 6)], [(null, null)]);

        Assert.StartsWith("t      0          6        4          -     -     │", lines[2]);
        Assert.Equal("Total lag: 2", lines[^1]);
    }
}
