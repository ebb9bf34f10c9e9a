using System.Diagnostics;
using KafkaDemo.Producer.Delivery;

namespace KafkaDemo.UnitTests.Producer.Delivery;

public class DeliveryStatsTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(5);

    [Fact]
    public void New_stats_have_nothing_delivered_failed_or_timestamped()
    {
        var stats = new DeliveryStats();

        Assert.Equal(0, stats.Delivered);
        Assert.Equal(0, stats.FailedReports);
        Assert.Equal(0, stats.FirstDeliveryTimestamp);
        Assert.Empty(stats.PerPartition());
        Assert.Equal(TimeSpan.Zero, stats.Percentile(99));
    }

    [Fact]
    public void Deliveries_are_counted_per_partition_in_partition_order()
    {
        var stats = new DeliveryStats();

        foreach (var partition in new[] { 3, 0, 10, 2, 0, 3, 0 })
        {
            stats.Delivery(partition, Latency);
        }

        Assert.Equal(7, stats.Delivered);
        Assert.Equal([(0, 3L), (2, 1L), (3, 2L), (10, 1L)], stats.PerPartition());
    }

    [Fact]
    public void Failures_are_counted_apart_from_deliveries()
    {
        var stats = new DeliveryStats();
        stats.Delivery(0, Latency);

        stats.Failure();
        stats.Failure();

        Assert.Equal(1, stats.Delivered);
        Assert.Equal(2, stats.FailedReports);
        Assert.Equal([(0, 1L)], stats.PerPartition());
    }

    [Fact]
    public void Percentiles_come_from_the_recorded_latencies()
    {
        var stats = new DeliveryStats();

        // Below 16 µs the histogram is exact, so the percentiles are too.
        for (var micros = 1; micros <= 10; micros++)
        {
            stats.Delivery(0, TimeSpan.FromMicroseconds(micros));
        }

        Assert.Equal(TimeSpan.FromMicroseconds(1), stats.Percentile(0));
        Assert.Equal(TimeSpan.FromMicroseconds(5), stats.Percentile(50));
        Assert.Equal(TimeSpan.FromMicroseconds(9), stats.Percentile(90));
        Assert.Equal(TimeSpan.FromMicroseconds(10), stats.Percentile(100));
    }

    [Fact]
    public void The_first_delivery_timestamp_is_taken_at_the_first_delivery_and_never_moves()
    {
        var stats = new DeliveryStats();
        var before = Stopwatch.GetTimestamp();

        stats.Delivery(1, Latency);
        var after = Stopwatch.GetTimestamp();
        var first = stats.FirstDeliveryTimestamp;
        stats.Delivery(2, Latency);
        stats.Delivery(1, Latency);

        Assert.InRange(first, before, after);
        Assert.Equal(first, stats.FirstDeliveryTimestamp);
    }

    [Fact]
    public void A_failure_does_not_set_the_first_delivery_timestamp()
    {
        var stats = new DeliveryStats();

        stats.Failure();

        Assert.Equal(0, stats.FirstDeliveryTimestamp);
    }

    [Fact]
    public void Deliveries_and_failures_recorded_from_several_threads_add_up_exactly()
    {
        const int Threads = 8;
        const int PerThread = 10_000;
        var stats = new DeliveryStats();
        using var start = new Barrier(Threads);

        var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PerThread; i++)
            {
                stats.Delivery(i % 4, TimeSpan.FromMicroseconds(i % 100));
                if (i % 10 == t)
                {
                    stats.Failure();
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.Equal(Threads * PerThread, stats.Delivered);
        Assert.Equal(Threads * PerThread / 10, stats.FailedReports);
        Assert.Equal([(0, 20_000L), (1, 20_000L), (2, 20_000L), (3, 20_000L)], stats.PerPartition());
        Assert.NotEqual(0, stats.FirstDeliveryTimestamp);
    }
}
