using KafkaDemo.Producer.Delivery;

namespace KafkaDemo.UnitTests.Producer.Delivery;

public class DeliveryStatsTests
{
    [Fact]
    public void Deliveries_and_failures_are_counted_apart_and_partitions_come_in_order()
    {
        var stats = new DeliveryStats();

        stats.Delivery(2, TimeSpan.FromMilliseconds(3));
        stats.Delivery(0, TimeSpan.FromMilliseconds(4));
        stats.Delivery(2, TimeSpan.FromMilliseconds(5));
        stats.Failure();

        Assert.Equal((3L, 1L), (stats.Delivered, stats.FailedReports));
        Assert.Equal([(0, 1L), (2, 2L)], stats.PerPartition());
    }

    [Fact]
    public void The_first_delivery_time_is_taken_once()
    {
        var stats = new DeliveryStats();
        Assert.Equal(0, stats.FirstDeliveryTimestamp);

        stats.Delivery(0, TimeSpan.FromMilliseconds(1));
        var first = stats.FirstDeliveryTimestamp;
        stats.Delivery(0, TimeSpan.FromMilliseconds(1));

        Assert.NotEqual(0, first);
        Assert.Equal(first, stats.FirstDeliveryTimestamp);
    }

    [Fact]
    public void Latency_percentiles_come_from_the_recorded_deliveries()
    {
        var stats = new DeliveryStats();
        foreach (var ms in Enumerable.Range(1, 100))
        {
            stats.Delivery(0, TimeSpan.FromMilliseconds(ms));
        }

        Assert.InRange(stats.Percentile(50).TotalMilliseconds, 50, 54);
        Assert.InRange(stats.Percentile(100).TotalMilliseconds, 100, 107);
    }

    [Fact]
    public void Reports_from_several_threads_at_once_are_all_counted()
    {
        var stats = new DeliveryStats();

        Parallel.For(0, 40_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            if (i % 10 == 0)
            {
                stats.Failure();
            }
            else
            {
                stats.Delivery(i % 4, TimeSpan.FromMilliseconds(1));
            }
        });

        Assert.Equal((36_000L, 4_000L), (stats.Delivered, stats.FailedReports));
        Assert.Equal(36_000, stats.PerPartition().Sum(p => p.Count));
    }
}
