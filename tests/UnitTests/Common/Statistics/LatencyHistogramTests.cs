using KafkaDemo.Common.Statistics;

namespace KafkaDemo.UnitTests.Common.Statistics;

public class LatencyHistogramTests
{
    [Theory]
    [InlineData(50, 500)]
    [InlineData(99, 990)]
    [InlineData(100, 1000)]
    [InlineData(1, 10)]
    public void Percentiles_are_within_seven_percent_above_the_exact_value(double percentile, double exactMs)
    {
        var histogram = new LatencyHistogram();
        for (var ms = 1; ms <= 1000; ms++)
        {
            histogram.Record(TimeSpan.FromMilliseconds(ms));
        }

        var reported = histogram.Percentile(percentile).TotalMilliseconds;

        Assert.Equal(1000, histogram.Count);
        Assert.InRange(reported, exactMs, exactMs * 1.07);
    }

    [Fact]
    public void Small_values_are_exact_to_the_microsecond()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(TimeSpan.FromMicroseconds(3));

        Assert.Equal(TimeSpan.FromMicroseconds(3), histogram.Percentile(50));
    }

    [Fact]
    public void An_empty_histogram_reports_zero()
    {
        Assert.Equal(TimeSpan.Zero, new LatencyHistogram().Percentile(99));
    }
}
