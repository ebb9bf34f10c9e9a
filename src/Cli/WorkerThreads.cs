using System.Diagnostics;

namespace KafkaDemo.Cli;

/// <summary>
/// Waiting for a run's worker threads without waiting for ever once the run is stopping: a thread
/// can be stuck where no cancellation reaches it (a blocking read of stdin, librdkafka's Close()
/// in the middle of a rebalance), and the workers are background threads, so those still running
/// after the grace are left behind when the process ends.
/// </summary>
public static class WorkerThreads
{
    /// <summary>
    /// Joins <paramref name="threads"/>, checking <paramref name="stopping"/> every
    /// <paramref name="poll"/>; from the first time it is true, they get <paramref name="grace"/>
    /// more. Returns how many were still running when the wait ended (0: all finished).
    /// </summary>
    public static int JoinWithin(IReadOnlyList<Thread> threads, Func<bool> stopping, TimeSpan grace, TimeSpan poll)
    {
        long stoppingSince = 0;
        while (threads.FirstOrDefault(t => t.IsAlive) is { } running)
        {
            running.Join(poll);
            if (stoppingSince == 0 && stopping())
            {
                stoppingSince = Stopwatch.GetTimestamp();
            }

            if (stoppingSince != 0 && Stopwatch.GetElapsedTime(stoppingSince) > grace)
            {
                return threads.Count(t => t.IsAlive);
            }
        }

        return 0;
    }
}
