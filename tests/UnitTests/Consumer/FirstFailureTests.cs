using KafkaDemo.Consumer;

namespace KafkaDemo.UnitTests.Consumer;

public class FirstFailureTests
{
    [Fact]
    public async Task A_later_failure_on_another_thread_does_not_replace_the_first()
    {
        var failure = new FirstFailure();
        var first = new InvalidOperationException("first");
        var later = new TimeoutException("later");

        var firstWon = await Task.Run(() => failure.Record(first));
        var laterWon = await Task.Run(() => failure.Record(later));

        Assert.True(firstWon);
        Assert.False(laterWon);
        Assert.Same(first, failure.Exception);
    }
}
