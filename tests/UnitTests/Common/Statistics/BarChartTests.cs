using KafkaDemo.Common.Statistics;

namespace KafkaDemo.UnitTests.Common.Statistics;

public class BarChartTests
{
    [Fact]
    public void The_largest_count_fills_the_width_and_others_scale()
    {
        var lines = BarChart.Render([("0", 10), ("1", 5), ("2", 0)], width: 10);

        Assert.Equal("0 │██████████ 10", lines[0]);
        Assert.Equal("1 │█████      5", lines[1]);
        Assert.Equal("2 │           0", lines[2]);
    }

    [Fact]
    public void A_small_non_zero_count_still_shows_a_sliver()
    {
        var lines = BarChart.Render([("a", 1000), ("b", 1)], width: 10);

        Assert.Equal("b │▏          1", lines[1]);
    }

    [Fact]
    public void Labels_are_right_aligned()
    {
        var lines = BarChart.Render([("9", 1), ("10", 1)], width: 1);

        Assert.Equal([" 9 │█ 1", "10 │█ 1"], lines);
    }
}
