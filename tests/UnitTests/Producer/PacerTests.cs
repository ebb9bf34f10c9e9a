using KafkaDemo.Producer;

namespace KafkaDemo.UnitTests.Producer;

// Behaviour only: which turns are granted and which are refused. No assertion reads a clock; a turn
// that waited when it should not have is caught by a safety token that cancels it, which turns the
// granted turn into a refused one.
public class PacerTests
{
    private static readonly TimeSpan Long = TimeSpan.FromHours(1);

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-1000)]
    public void Without_a_positive_interval_every_turn_is_granted_even_with_a_cancelled_token(int? intervalMs)
    {
        var pacer = new Pacer(intervalMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var granted = Enumerable.Range(0, 1000).Select(_ => pacer.WaitTurn(cancelled.Token)).ToList();

        Assert.All(granted, Assert.True);
    }

    [Fact]
    public void The_first_turn_is_due_at_once_even_with_a_long_interval()
    {
        var pacer = new Pacer(Long);
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var granted = pacer.WaitTurn(safety.Token);

        Assert.True(granted);
    }

    [Fact]
    public void An_already_cancelled_token_refuses_a_turn_that_would_have_to_wait()
    {
        var pacer = new Pacer(Long);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var first = pacer.WaitTurn(cancelled.Token);
        var second = pacer.WaitTurn(cancelled.Token);
        var third = pacer.WaitTurn(cancelled.Token);

        Assert.True(first);
        Assert.False(second);
        Assert.False(third);
    }

    [Fact]
    public void Cancelling_while_waiting_refuses_the_turn()
    {
        var pacer = new Pacer(Long);
        Assert.True(pacer.WaitTurn(CancellationToken.None));
        using var cancellation = new CancellationTokenSource();
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(50));

        var granted = pacer.WaitTurn(cancellation.Token);

        Assert.False(granted);
        Assert.True(cancellation.IsCancellationRequested);
    }

    [Fact]
    public void With_a_short_interval_every_turn_is_granted_when_not_cancelled()
    {
        var pacer = new Pacer(TimeSpan.FromMilliseconds(1));
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var granted = Enumerable.Range(0, 20).Select(_ => pacer.WaitTurn(safety.Token)).ToList();

        Assert.All(granted, Assert.True);
    }

    [Fact]
    public void Turns_are_shared_across_threads_so_only_one_of_them_is_due_at_once()
    {
        var pacer = new Pacer(Long);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var granted = Enumerable.Range(0, 8).AsParallel().Select(_ => pacer.WaitTurn(cancelled.Token)).ToList();

        Assert.Equal(1, granted.Count(g => g));
    }

    [Fact]
    public void A_turn_that_must_wait_is_handed_to_the_given_wait_and_refused_when_that_wait_is()
    {
        var pacer = new Pacer(Long);
        var waits = new List<TimeSpan>();
        bool Refuse(TimeSpan due)
        {
            waits.Add(due);
            return false;
        }

        var first = pacer.WaitTurn(Refuse);
        var second = pacer.WaitTurn(Refuse);

        Assert.True(first);
        Assert.False(second);
        Assert.InRange(Assert.Single(waits), TimeSpan.FromMinutes(59), Long);
    }
}
