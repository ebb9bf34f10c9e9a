using System.Diagnostics;
using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Cli.Terminal;
using KafkaDemo.Clients;
using KafkaDemo.Consumer.Bounds;
using KafkaDemo.Consumer.Copy;
using KafkaDemo.Consumer.DeadLetters;
using KafkaDemo.Consumer.Offsets;
using KafkaDemo.Consumer.Processing;
using KafkaDemo.Consumer.Progress;
using KafkaDemo.Consumer.SchemaRegistry;
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
    /// <summary>Where the run's progress line is drawn while it lasts; none by default.</summary>
    public ProgressTerminal? Progress { get; init; }

    /// <summary>Raised on every assignment change of an instance, with its whole current assignment.</summary>
    public event Action<int, IReadOnlyList<TopicPartition>>? AssignmentChanged;

    /// <summary>Consumes until a stop condition (count, idle time, cancellation, fatal error), then leaves the group.</summary>
    public Task<ConsumeSummary> RunAsync(CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => Run(cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private ConsumeSummary Run(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var config = ConsumerConfigFactory.Create(options);
        if (!StartupCheck.TopicsExist(options, config, logger, out var metadata))
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
        using var progress = Progress?.Start(new ConsumeProgress(run.Stats, run.Positions).Render);

        using var deadLetters = options.DeadLetterTopic is { } dlq
            ? new DeadLetterQueue(dlq, config.BootstrapServers, options.ClientSettings, TimeSpan.FromSeconds(30), logger)
            : null;
        using var registry = RegistryConnection.Open(options.SchemaRegistry, options.ConnectTimeout, logger);
        using var copy = options.Copy is { } copying ? CopyTarget.Open(copying, options, metadata, logger) : null;
        if (copy is { Started: false })
        {
            return Finish(new ConsumeStats().Snapshot(fatal: false, startFailed: true), clock.Elapsed);
        }

        var processor = new MessageProcessor(options, run, deadLetters, logger, observer, registry?.Decoders, copy);

        var what = options.Assignment is { } manual
            ? string.Join(", ", manual.Select(a => $"{a.Topic}[{a.Partition}]{(a.Offset is { } o ? $"@{o}" : string.Empty)}")) + " (manual assignment)"
            : $"{string.Join(", ", options.Topics)} as group {options.GroupId}";
        logger.LogInformation("Reading {What} from {From}{Filter} with {Instances} consumer(s)", what, options.From,
            options.EventType is null ? string.Empty : $", showing only {options.EventType}", options.Instances);

        var failure = new InstanceThreads(options, run, processor, logger, store, copy).Run(ShutdownGrace);
        if (failure is UsageException usage)
        {
            throw usage;
        }

        if (failure is { } stopped)
        {
            logger.LogCritical("Consumer stopped: {Reason}", stopped.Message);
        }

        if (run.Stop.ToEnd?.Done == true)
        {
            logger.LogInformation("Read every partition to its {Where}; stopped",
                options.Until is null ? "end" : options.ExitAtEnd ? "end or --until bound" : "--until bound");
        }

        if (run.Stop.IdleTooLong && options.IdleTimeout is { } idle)
        {
            logger.LogInformation("No message for {Idle}; stopped", Durations.Format(idle));
        }

        copy?.Report();
        if (store is not null)
        {
            logger.LogInformation("Stored {Events} events in {Target} in this run", store.WrittenEvents, store.Target);
        }

        if (!run.Output.Flush())
        {
            logger.LogCritical("Consumer stopped: cannot write to the output ({Reason}); offsets of messages not shown were not stored", run.Output.Failure);
        }

        return Finish(run.Stats.Snapshot(run.Stop.Fatal, startFailed: false), clock.Elapsed);
    }

    /// <summary>How long the instances may take to commit and leave once the run is stopping.</summary>
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(20);

    // Every partition the run will read: the manual assignment, or all partitions of the topics.
    private ReadToEnd? ReadToEndOf(Metadata metadata) =>
        !options.ExitAtEnd && options.Until is null ? null
        : new ReadToEnd(options.Assignment is { } manual
                ? manual.Select(a => new TopicPartition(a.Topic, a.Partition))
                : options.Topics.SelectMany(topic => ClusterMetadata.Partitions(metadata, topic)),
            options.Until is { } until ? new PartitionBounds(until) : null,
            untilHighWatermark: options.ExitAtEnd);

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
