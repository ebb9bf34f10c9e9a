using KafkaDemo.Consumer.Lag;

namespace KafkaDemo.UnitTests.Consumer.Lag;

public class LagRatesTests
{
    [Fact]
    public void In_is_the_growth_of_the_log_end_and_out_that_of_the_committed_offset_per_partition()
    {
        var rates = new LagRates();
        rates.Update(TimeSpan.Zero, [new("t", 0, 0, 100), new("t", 1, null, 10)]);

        var second = rates.Update(TimeSpan.FromSeconds(2), [new("t", 0, 40, 300), new("t", 1, null, 10)]);

        Assert.Equal([(100.0, 20.0), (0.0, (double?)null)], second);
    }

    [Fact]
    public void A_partition_seen_for_the_first_time_has_no_rates_yet()
    {
        var rates = new LagRates();
        rates.Update(TimeSpan.Zero, [new("t", 0, 0, 100)]);

        var second = rates.Update(TimeSpan.FromSeconds(2), [new("t", 0, 0, 100), new("u", 0, 1, 1)]);

        Assert.Equal(((double?)null, (double?)null), second[1]);
    }

    [Fact]
    public void Out_starts_once_the_group_has_committed_an_offset()
    {
        var rates = new LagRates();
        rates.Update(TimeSpan.Zero, [new("t", 0, null, 10)]);
        rates.Update(TimeSpan.FromSeconds(1), [new("t", 0, 5, 10)]);

        Assert.Equal((0.0, 5.0), rates.Update(TimeSpan.FromSeconds(2), [new("t", 0, 10, 10)])[0]);
    }
}
