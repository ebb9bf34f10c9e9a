using KafkaDemo.Cli;
using KafkaDemo.Consumer.Copy;
using KafkaDemo.Consumer.Processing;
using KafkaDemo.Consumer.Store;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer;

/// <summary>
/// Runs the run's <see cref="ConsumerInstance"/>s, one thread each, until they stop or the shutdown
/// grace runs out, and keeps the first exception any of them failed with.
/// </summary>
internal sealed class InstanceThreads(ConsumerOptions options, RunContext run, MessageProcessor processor, ILogger logger, EventStore? store, CopyTarget? copy = null)
{
    private static readonly TimeSpan s_joinPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>Runs every instance; returns the first failure, or null when none failed.</summary>
    public Exception? Run(TimeSpan shutdownGrace)
    {
        var failure = new FirstFailure();
        var threads = Enumerable.Range(1, options.Instances).Select(n => new Thread(() =>
        {
            try
            {
                new ConsumerInstance(n, options, ConsumerConfigFactory.Create(options, n), run, processor, logger, store, copy).Run();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failure.Record(ex);
                run.Stop.MarkFatal();
            }
        })
        { IsBackground = true, Name = $"consumer-{n}" }).ToList();
        threads.ForEach(t => t.Start());
        JoinWithin(threads, shutdownGrace);
        return failure.Exception;
    }

    // librdkafka's Close() can block while the group is in the middle of a rebalance. Once the run
    // is stopping (cancelled, or an instance finished), instances get the grace to close; after
    // that the run ends anyway. A member that did not leave is dropped by the group after its
    // session timeout, and what it handled since its last commit is read again: nothing is lost.
    private void JoinWithin(List<Thread> threads, TimeSpan grace)
    {
        var left = WorkerThreads.JoinWithin(threads, () => run.Stop.Cancellation.IsCancellationRequested || threads.Any(t => !t.IsAlive), grace, s_joinPoll);
        if (left > 0)
        {
            logger.LogWarning("{Count} consumer(s) did not leave the group within {Grace}; stopping without them", left, Durations.Format(grace));
        }
    }
}
