using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Consumer.DeadLetters;
using KafkaDemo.Consumer.Offsets;
using KafkaDemo.Consumer.Processing;
using KafkaDemo.Consumer.Store;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer;

/// <summary>
/// Reads topics with one or more consumer instances in a group (or a manual assignment), hands each
/// message to the processor (tolerant decoding, filter, DLQ, output on stdout), and stores offsets as
/// <see cref="CommitMode"/> says. Writes diagnostics to the logger and the summary to <c>report</c>.
/// </summary>
public sealed class NoteConsumer(ConsumerOptions options, TextWriter output, ILogger logger, Action<ConsumedMessage>? observer = null, TextWriter? report = null)
{
    /// <summary>Raised on every assignment change of an instance, with its whole current assignment.</summary>
    public event Action<int, IReadOnlyList<TopicPartition>>? AssignmentChanged;

    /// <summary>Consumes until a stop condition (count, idle time, cancellation, fatal error), then leaves the group.</summary>
    public Task<ConsumeSummary> RunAsync(CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => Run(cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private ConsumeSummary Run(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var config = ConsumerConfigFactory.Create(options);
        if (!TopicsExist(config, out var metadata))
        {
            return Finish(new ConsumeStats().Snapshot(fatal: false, startFailed: true), clock.Elapsed);
        }

        EventStore? store = null;
        if (options.Store is { } target)
        {
            try
            {
                store = EventStore.Open(target, script => logger.LogInformation("Store {Target}: applied migration {Script}", target, script));
            }
            catch (StoreException ex)
            {
                logger.LogError("{Reason}", ex.Message);
                return Finish(new ConsumeStats().Snapshot(fatal: false, startFailed: true), clock.Elapsed);
            }
        }

        var run = new RunContext(options, output, cancellationToken, ReadToEndOf(metadata));
        run.AssignmentChanged += (instance, assignment) => AssignmentChanged?.Invoke(instance, assignment);

        using var deadLetters = options.DeadLetterTopic is { } dlq
            ? new DeadLetterQueue(dlq, config.BootstrapServers, options.ClientSettings, TimeSpan.FromSeconds(30), logger)
            : null;
        var processor = new MessageProcessor(options, run, deadLetters, logger, observer);

        var what = options.Assignment is { } manual
            ? string.Join(", ", manual.Select(a => $"{a.Topic}[{a.Partition}]{(a.Offset is { } o ? $"@{o}" : string.Empty)}")) + " (manual assignment)"
            : $"{string.Join(", ", options.Topics)} as group {options.GroupId}";
        logger.LogInformation("Reading {What} from {From}{Filter} with {Instances} consumer(s)", what, options.From,
            options.EventType is null ? string.Empty : $", showing only {options.EventType}", options.Instances);

        var failure = new FirstFailure();
        var threads = Enumerable.Range(1, options.Instances).Select(n => new Thread(() =>
        {
            try
            {
                new ConsumerInstance(n, options, ConsumerConfigFactory.Create(options, n), run, processor, logger, store).Run();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failure.Record(ex);
                run.MarkFatal();
            }
        })
        { IsBackground = true, Name = $"consumer-{n}" }).ToList();
        threads.ForEach(t => t.Start());
        JoinWithinShutdownGrace(threads, run);

        if (failure.Exception is UsageException usage)
        {
            throw usage;
        }

        if (failure.Exception is { } stopped)
        {
            logger.LogCritical("Consumer stopped: {Reason}", stopped.Message);
        }

        if (run.ToEnd?.Done == true)
        {
            logger.LogInformation("Read every partition to its end; stopped");
        }

        if (run.IdleTooLong && options.IdleTimeout is { } idle)
        {
            logger.LogInformation("No message for {Idle}; stopped", Durations.Format(idle));
        }

        if (store is not null)
        {
            logger.LogInformation("Stored {Events} events in {Target} in this run", store.WrittenEvents, store.Target);
        }

        if (!run.FlushOutput())
        {
            logger.LogCritical("Consumer stopped: cannot write to the output ({Reason}); offsets of messages not shown were not stored", run.OutputFailure);
        }

        return Finish(run.Stats.Snapshot(run.Fatal, startFailed: false), clock.Elapsed);
    }

    /// <summary>How long the instances may take to commit and leave once the run is stopping.</summary>
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan s_joinPoll = TimeSpan.FromMilliseconds(200);

    // librdkafka's Close() can block while the group is in the middle of a rebalance. Once the run
    // is stopping (cancelled, or an instance finished), instances get ShutdownGrace to close;
    // after that the run ends anyway. A member that did not leave is dropped by the group after its
    // session timeout, and what it handled since its last commit is read again: nothing is lost.
    private void JoinWithinShutdownGrace(List<Thread> threads, RunContext run)
    {
        var left = WorkerThreads.JoinWithin(threads, () => run.Cancellation.IsCancellationRequested || threads.Any(t => !t.IsAlive), ShutdownGrace, s_joinPoll);
        if (left > 0)
        {
            logger.LogWarning("{Count} consumer(s) did not leave the group within {Grace}; stopping without them", left, Durations.Format(ShutdownGrace));
        }
    }

    // One metadata request answers both "is anybody there?" and "do these topics exist?", and
    // turns both into one clear line instead of a consumer that waits for ever.
    private bool TopicsExist(ConsumerConfig config, [NotNullWhen(true)] out Metadata? metadata)
    {
        var wanted = (options.Assignment?.Select(a => a.Topic) ?? options.Topics).Distinct().ToList();
        metadata = null;
        try
        {
            metadata = ClusterMetadata.Fetch(config, options.ConnectTimeout);
        }
        catch (KafkaException ex)
        {
            // The address the client really used: a --config file may have set it.
            logger.LogError("Cannot reach any broker at {Bootstrap} within {Timeout}: {Reason}",
                config.BootstrapServers, Durations.Format(options.ConnectTimeout), ex.Error.Reason);
            return false;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            throw new UsageException($"invalid client configuration: {Secrets.Redact(ex.Message, options.ClientSettings)}");
        }

        var missing = ClusterMetadata.Missing(metadata, wanted);
        foreach (var topic in missing)
        {
            logger.LogError("Topic {Topic} does not exist", topic);
        }

        return missing.Count == 0;
    }

    // Every partition the run will read: the manual assignment, or all partitions of the topics.
    private ReadToEnd? ReadToEndOf(Metadata metadata) =>
        !options.ExitAtEnd ? null
        : options.Assignment is { } manual ? new ReadToEnd(manual.Select(a => new TopicPartition(a.Topic, a.Partition)))
        : new ReadToEnd(options.Topics.SelectMany(topic => ClusterMetadata.Partitions(metadata, topic)));

    private ConsumeSummary Finish(ConsumeSummary summary, TimeSpan elapsed)
    {
        if (summary.StartFailed)
        {
            return summary;
        }

        if (report is not null)
        {
            foreach (var line in ConsumeSummaryReport.Render(summary, elapsed))
            {
                report.WriteLine(line);
            }

            report.Flush();
        }
        else
        {
            logger.LogInformation("Consumed {Consumed}: shown {Shown}, filtered out {Filtered}, invalid {Invalid}, sent to DLQ {Dlq}",
                summary.Consumed, summary.Shown, summary.FilteredOut, summary.Invalid, summary.DeadLettered);
        }

        return summary;
    }
}
