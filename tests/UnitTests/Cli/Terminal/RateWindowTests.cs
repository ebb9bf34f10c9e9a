using KafkaDemo.Cli.Terminal;

namespace KafkaDemo.UnitTests.Cli.Terminal;

public class RateWindowTests
{
    private static TimeSpan Seconds(double s) => TimeSpan.FromSeconds(s);

    [Fact]
    public void The_first_sample_has_no_rate()
    {
        Assert.Null(new RateWindow(Seconds(2)).Add(Seconds(1), 100));
    }

    [Fact]
    public void The_rate_is_the_growth_per_second_since_the_first_sample_while_the_window_is_not_full()
    {
        var rate = new RateWindow(Seconds(10));
        rate.Add(Seconds(0), 0);
        rate.Add(Seconds(1), 50);

        Assert.Equal(100, rate.Add(Seconds(2), 200));
    }

    [Fact]
    public void Once_the_window_is_full_the_rate_starts_from_the_youngest_sample_at_least_a_window_old()
    {
        var rate = new RateWindow(Seconds(2));
        rate.Add(Seconds(0), 0);
        rate.Add(Seconds(1), 1000);
        rate.Add(Seconds(2), 1010);

        // From the sample at 1 s (2 s old), not the one at 0 s: the burst before it has left the window.
        Assert.Equal(10, rate.Add(Seconds(3), 1020));
    }

    [Fact]
    public void A_count_that_went_down_gives_no_negative_rate()
    {
        var rate = new RateWindow(Seconds(2));
        rate.Add(Seconds(0), 100);

        Assert.Equal(0, rate.Add(Seconds(1), 40));
    }
}
