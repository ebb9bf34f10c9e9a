using KafkaDemo.Producer;

namespace KafkaDemo.UnitTests.Producer;

// Behaviour only: whether a turn is granted or refused, never how long it took.
public class PacerTests
{
    [Fact]
    public void Without_an_interval_every_turn_is_granted_at_once()
    {
        var pacer = new Pacer(null);

        Assert.All(Enumerable.Range(0, 1000), _ => Assert.True(pacer.WaitTurn(CancellationToken.None)));
    }

    [Fact]
    public void The_first_turn_is_due_at_the_start()
    {
        Assert.True(new Pacer(TimeSpan.FromHours(1)).WaitTurn(CancellationToken.None));
    }

    [Fact]
    public void A_run_already_stopping_gets_no_further_turn()
    {
        var pacer = new Pacer(TimeSpan.FromHours(1));
        pacer.WaitTurn(CancellationToken.None);

        Assert.False(pacer.WaitTurn(new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task Cancelling_while_a_thread_waits_for_its_turn_refuses_that_turn()
    {
        var pacer = new Pacer(TimeSpan.FromHours(1));
        pacer.WaitTurn(CancellationToken.None);
        using var stop = new CancellationTokenSource();

        var waiting = Task.Run(() => pacer.WaitTurn(stop.Token));
        await stop.CancelAsync();

        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
