using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Clients;
using KafkaDemo.Common.Partitioning;
using KafkaDemo.Producer.Delivery;
using KafkaDemo.Producer.Sources;
using KafkaDemo.Producer.Transactions;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Producer;

/// <summary>
/// One Producer run, start to end: builds the client, checks that the cluster answers, creates
/// the topic when asked, starts the transactions, lets <see cref="ProducingThreads"/> send, then
/// ends the last transaction, waits for outstanding deliveries and reports. What is said about each
/// message, and the summary, is the <see cref="DeliveryReporter"/>'s job: lines on <c>output</c>
/// (stdout in the app), diagnostics to the logger, the summary to <c>report</c> (both stderr).
/// </summary>
public sealed class NoteProducer(ProducerOptions options, TextWriter output, ILogger logger, TextWriter? report = null)
{
    private readonly ProducerConfig _config = ProducerConfigFactory.Create(options);
    private readonly ClientErrors _errors = new(logger, "producer");
    private readonly DeliveryReporter _reporter = new(output, logger, report, options.Quiet, new Telemetry.ProducerMetrics(options.Topic));

    /// <summary>Counts gathered so far; complete once <see cref="RunAsync"/> has returned.</summary>
    public DeliveryStats Stats => _reporter.Stats;

    /// <summary>Produces until the source is exhausted or <paramref name="cancellationToken"/> fires, then flushes.</summary>
    public Task<ProduceSummary> RunAsync(CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => Run(cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private ProduceSummary Run(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        // The producer connects while the start-up check asks whether anybody is there; its
        // connection errors wait for the answer, so that an unreachable cluster gets one line.
        _errors.Hold();
        using var producer = Build();
        using var poller = new DeliveryReportPoller(producer);

        if (!ReachCluster(out var metadata))
        {
            _errors.DiscardHeld();
            return new ProduceSummary(0, 0, 0, false) { Unreachable = true };
        }

        _errors.ReleaseHeld();

        if (options.CreateTopic is { } creation)
        {
            TopicCreator.Ensure(producer, metadata, options.Topic, creation, logger);
        }

        var source = MessageSources.Open(options, logger, out var input);
        var sending = new ProducingThreads(producer, poller, options, _reporter, _errors, logger, _config.ClientId ?? "rdkafka");
        using var progress = options.Quiet && report is not null
            ? new Timer(_ => _reporter.Progress(sending.Sent, clock.Elapsed), null, options.ProgressInterval, options.ProgressInterval)
            : null;
        using (input)
        {
            var transactions = _config.TransactionalId is { } transactionalId
                ? new ProducerTransactions(producer, transactionalId, options.TransactionSize, Stats, () => sending.Sent, () => source.Rejected, logger)
                : null;
            if (transactions is not null && !transactions.TryStart(options.ConnectTimeout, out var neverStarted))
            {
                var none = new ProduceSummary(0, 0, 0, false) { Transactions = neverStarted };
                return _reporter.Finish(none, clock.Elapsed, options.Topic, null);
            }

            sending.Run(source, transactions, CommitLimit, cancellationToken);
            poller.Stop();

            var stopping = cancellationToken.IsCancellationRequested || _errors.Fatal;
            var outcome = transactions?.Finish(stopping, _errors.Fatal ? "the client failed" : "the run was interrupted", stopping ? FinalFlush.ShutdownLimit : CommitLimit);
            var stillQueued = FinalFlush.Run(producer, _config, stopping, cancellationToken, out var waited);
            if (stillQueued > 0)
            {
                logger.LogError("{Count} messages were still unacknowledged after waiting {Limit}; they count as failed",
                    stillQueued, Durations.Format(waited));
            }

            var total = sending.Sent;
            var delivered = Stats.Delivered;
            var summary = new ProduceSummary(total, delivered, total - delivered, _errors.Fatal) { Rejected = source.Rejected, Transactions = outcome };
            return _reporter.Finish(summary, clock.Elapsed, options.Topic, ClusterMetadata.PartitionCount(metadata, options.Topic));
        }
    }

    private IProducer<byte[], byte[]> Build()
    {
        var builder = new ProducerBuilder<byte[], byte[]>(_config)
            .SetErrorHandler((_, error) => _errors.Report(error))
            .SetLogHandler((_, message) => ConsoleLogging.Forward(logger, message));

        if (options.Partitioner == PartitionerKind.UuidModulo)
        {
            builder.SetDefaultPartitioner(UuidModuloPartitioner.Choose);
        }

        try
        {
            return builder.Build();
        }
        catch (Exception ex) when (ex is ArgumentException or KafkaException or InvalidOperationException)
        {
            // librdkafka rejects unknown properties and bad values here; its message may quote a value.
            throw new UsageException($"invalid client configuration: {Secrets.Redact(ex.Message, _config)}");
        }
    }

    private bool ReachCluster([NotNullWhen(true)] out Metadata? metadata)
    {
        try
        {
            metadata = ClusterMetadata.Fetch(_config, options.ConnectTimeout);
            return true;
        }
        catch (KafkaException ex)
        {
            // The address the client really used: a --config file may have set it.
            logger.LogError("Cannot reach any broker at {Bootstrap} within {Timeout}: {Reason}",
                _config.BootstrapServers, Durations.Format(options.ConnectTimeout), ex.Error.Reason);
            metadata = null;
            return false;
        }
    }

    // A commit waits for the transaction's messages as the final flush would.
    private TimeSpan CommitLimit => ProducerConfigFactory.FlushLimit(_config) ?? Timeout.InfiniteTimeSpan;
}
