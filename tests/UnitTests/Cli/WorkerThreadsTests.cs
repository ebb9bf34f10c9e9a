using KafkaDemo.Cli;

namespace KafkaDemo.UnitTests.Cli;

public class WorkerThreadsTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    private static Thread Started(Action work)
    {
        var thread = new Thread(() => work()) { IsBackground = true };
        thread.Start();
        return thread;
    }

    [Fact]
    public void Threads_that_finish_are_all_joined()
    {
        var threads = new[] { Started(() => Thread.Sleep(30)), Started(() => { }) };

        var left = WorkerThreads.JoinWithin(threads, () => false, TimeSpan.Zero, Poll);

        Assert.Equal(0, left);
        Assert.All(threads, t => Assert.False(t.IsAlive));
    }

    [Fact]
    public void Once_stopping_a_stuck_thread_is_left_behind_after_the_grace_and_counted()
    {
        using var release = new ManualResetEventSlim();
        var stuck = Started(() => release.Wait());
        var done = Started(() => { });

        var left = WorkerThreads.JoinWithin([done, stuck], () => true, TimeSpan.FromMilliseconds(50), Poll);

        Assert.Equal(1, left);
        Assert.True(stuck.IsAlive);
        release.Set();
        stuck.Join();
    }

    [Fact]
    public void Without_a_stop_the_wait_goes_on_until_every_thread_has_finished()
    {
        using var release = new ManualResetEventSlim();
        var slow = Started(() => release.Wait());
        Started(() => { Thread.Sleep(100); release.Set(); });

        var left = WorkerThreads.JoinWithin([slow], () => false, TimeSpan.Zero, Poll);

        Assert.Equal(0, left);
        Assert.True(release.IsSet);
    }
}
