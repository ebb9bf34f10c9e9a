using KafkaDemo.Producer.Progress;

namespace KafkaDemo.UnitTests.Producer.Progress;

public class ProduceProgressTests
{
    [Fact]
    public void With_a_count_the_line_says_how_many_are_still_to_go()
    {
        Assert.Equal("producing: 3 s, delivered 1200 of 5000 (3790 to go), failed 10, 400 msg/s",
            ProduceProgress.Text(TimeSpan.FromSeconds(3), 1200, 10, 5000, 399.6));
    }

    [Fact]
    public void Without_a_count_it_shows_what_was_delivered_and_failed()
    {
        Assert.Equal("producing: 2 s, delivered 30, failed 0, 0 msg/s", ProduceProgress.Text(TimeSpan.FromSeconds(2), 30, 0, null, null));
    }
}
