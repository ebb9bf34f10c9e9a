using KafkaDemo.Consumer.Progress;

namespace KafkaDemo.UnitTests.Consumer.Progress;

public class ConsumeProgressTests
{
    [Fact]
    public void The_line_shows_time_count_and_rate_and_the_lag_once_known()
    {
        Assert.Equal("consuming: 12 s, consumed 4000, 410 msg/s, lag 500", ConsumeProgress.Text(TimeSpan.FromSeconds(12.3), 4000, 410.4, 500));
        Assert.Equal("consuming: 1 s, consumed 0, 0 msg/s", ConsumeProgress.Text(TimeSpan.FromSeconds(1), 0, null, null));
    }
}
