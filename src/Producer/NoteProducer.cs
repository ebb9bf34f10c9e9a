using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Common.Partitioning;
using KafkaDemo.Producer.Sources;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Producer;

/// <summary>
/// Produces messages from a source (generated note events or an input file) through one shared
/// producer on one or more threads, prints one line per delivery on <c>output</c> (stdout in the
/// app), and writes diagnostics to the logger and the summary to <c>report</c> (both stderr).
/// </summary>
public sealed class NoteProducer(ProducerOptions options, TextWriter output, ILogger logger, TextWriter? report = null)
{
    private static readonly TimeSpan s_queueFullBackoff = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_shutdownFlushLimit = TimeSpan.FromSeconds(10);

    private readonly ProducerConfig _config = ProducerConfigFactory.Create(options);
    private readonly Lock _outputGate = new();
    private readonly ClientErrors _errors = new(logger, "producer");
    private readonly DeliveryStats _stats = new();
    private readonly KeyValuePair<string, byte[]?>[] _extraHeaders =
        [.. options.Headers.Select(h => KeyValuePair.Create<string, byte[]?>(h.Key, Encoding.UTF8.GetBytes(h.Value)))];

    /// <summary>Counts gathered so far; complete once <see cref="RunAsync"/> has returned.</summary>
    public DeliveryStats Stats => _stats;

    /// <summary>Produces until the source is exhausted or <paramref name="cancellationToken"/> fires, then flushes.</summary>
    public Task<ProduceSummary> RunAsync(CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => Run(cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private ProduceSummary Run(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var producer = Build();

        if (!ReachCluster(producer, out var metadata))
        {
            return Finish(new ProduceSummary(0, 0, 0, false) { Unreachable = true }, clock.Elapsed, null);
        }

        if (options.CreateTopic is { } creation)
        {
            TopicCreator.Ensure(producer, metadata, options.Topic, creation, logger);
        }

        var source = OpenSource(out var input);
        long sentSoFar = 0;
        using var progress = options.Quiet && report is not null
            ? new Timer(_ => ReportProgress(Interlocked.Read(ref sentSoFar), clock.Elapsed), null, options.ProgressInterval, options.ProgressInterval)
            : null;
        using (input)
        {
            var pacer = new Pacer(options.Interval);
            long sent = 0;
            var workers = Enumerable.Range(1, options.Threads).Select(n => new Thread(() =>
            {
                var mine = Work(producer, source, pacer, () => Interlocked.Increment(ref sentSoFar), cancellationToken);
                Interlocked.Add(ref sent, mine);
            })
            { IsBackground = true, Name = $"producer-{n}" }).ToList();

            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());

            var stillQueued = Flush(producer, cancellationToken, out var waited);
            if (stillQueued > 0)
            {
                logger.LogError("{Count} messages were still unacknowledged after waiting {Limit}; they count as failed",
                    stillQueued, Durations.Format(waited));
            }

            var delivered = _stats.Delivered;
            var partitionCount = metadata is null ? null : ClusterMetadata.PartitionCount(metadata, options.Topic);
            return Finish(new ProduceSummary(sent, delivered, sent - delivered, _errors.Fatal) { Rejected = source.Rejected }, clock.Elapsed, partitionCount);
        }
    }

    // Waits for outstanding deliveries as long as a message may live (message.timeout.ms, from
    // whichever layer set it); a run that is stopping gets s_shutdownFlushLimit, and with no
    // message timeout at all the flush goes on until the run is cancelled.
    private int Flush(IProducer<byte[], byte[]> producer, CancellationToken cancellationToken, out TimeSpan waited)
    {
        var clock = Stopwatch.StartNew();
        if (cancellationToken.IsCancellationRequested || _errors.Fatal)
        {
            waited = s_shutdownFlushLimit;
            return producer.Flush(s_shutdownFlushLimit);
        }

        if (ProducerConfigFactory.FlushLimit(_config) is { } limit)
        {
            waited = limit;
            return producer.Flush(limit);
        }

        var stillQueued = producer.Flush(TimeSpan.FromSeconds(1));
        while (stillQueued > 0 && !cancellationToken.IsCancellationRequested)
        {
            stillQueued = producer.Flush(TimeSpan.FromSeconds(1));
        }

        stillQueued = stillQueued > 0 ? producer.Flush(s_shutdownFlushLimit) : 0;
        waited = clock.Elapsed;
        return stillQueued;
    }

    private IProducer<byte[], byte[]> Build()
    {
        var builder = new ProducerBuilder<byte[], byte[]>(_config)
            .SetErrorHandler((_, error) => _errors.Report(error))
            .SetLogHandler((_, message) => ConsoleLogging.Forward(logger, message));

        if (options.Partitioner == PartitionerKind.UuidModulo)
        {
            builder.SetDefaultPartitioner(UuidModuloPartition);
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

    // UUID keys go by their 128-bit value; other keys fall back to the Java-compatible hash and
    // keyless messages to a random partition, as librdkafka's own partitioners do.
    private static Partition UuidModuloPartition(string topic, int partitionCount, ReadOnlySpan<byte> key, bool keyIsNull)
    {
        if (keyIsNull)
        {
            return new Partition(Random.Shared.Next(partitionCount));
        }

        var partition = KeyPartitioner.PartitionFor(PartitionerKind.UuidModulo, key, partitionCount)
                        ?? KeyPartitioner.PartitionFor(PartitionerKind.Murmur2, key, partitionCount)!.Value;
        return new Partition(partition);
    }

    private bool ReachCluster(IProducer<byte[], byte[]> producer, out Metadata? metadata)
    {
        metadata = null;
        try
        {
            metadata = ClusterMetadata.Fetch(producer.Handle, options.ConnectTimeout);
            return true;
        }
        catch (KafkaException ex)
        {
            // The address the client really used: a --config file may have set it.
            logger.LogError("Cannot reach any broker at {Bootstrap} within {Timeout}: {Reason}",
                _config.BootstrapServers, Durations.Format(options.ConnectTimeout), ex.Error.Reason);
            return false;
        }
    }

    private IMessageSource OpenSource(out IDisposable? input)
    {
        input = null;
        if (options.Input is null)
        {
            return new GeneratedEvents(options);
        }

        TextReader reader;
        if (options.Input == "-")
        {
            reader = Console.In;
        }
        else
        {
            try
            {
                reader = new StreamReader(options.Input, Encoding.UTF8);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot read input file '{options.Input}': {ex.Message}");
            }

            input = reader;
        }

        return new LineInput(reader, options, logger);
    }

    private long Work(IProducer<byte[], byte[]> producer, IMessageSource source, Pacer pacer, Action onSent, CancellationToken cancellationToken)
    {
        long sent = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested && !_errors.Fatal && pacer.WaitTurn(cancellationToken) && source.TryNext(out var message))
            {
                if (TryProduce(producer, message, cancellationToken))
                {
                    sent++;
                    onSent();
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogCritical("Producing thread stopped: {Reason}", ex.Message);
            _errors.MarkFatal();
        }

        return sent;
    }

    // Local_QueueFull means librdkafka's buffer is full: serve delivery reports and retry, never drop.
    private bool TryProduce(IProducer<byte[], byte[]> producer, OutgoingMessage outgoing, CancellationToken cancellationToken)
    {
        var message = new Message<byte[], byte[]> { Key = outgoing.Key!, Value = outgoing.Value!, Headers = HeadersOf(outgoing) };
        if (outgoing.Timestamp is { } timestamp)
        {
            message.Timestamp = new Timestamp(timestamp, TimestampType.CreateTime);
        }

        var started = Stopwatch.GetTimestamp();
        Action<DeliveryReport<byte[], byte[]>> onDelivery = report => OnDelivery(report, outgoing, started);
        while (true)
        {
            try
            {
                if (outgoing.Partition is { } partition)
                {
                    producer.Produce(new TopicPartition(options.Topic, new Partition(partition)), message, onDelivery);
                }
                else
                {
                    producer.Produce(options.Topic, message, onDelivery);
                }

                return true;
            }
            catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return false;
                }

                producer.Poll(s_queueFullBackoff);
            }
            catch (ProduceException<byte[], byte[]> ex)
            {
                _stats.Failure();
                logger.LogError("Could not send {What}: {Reason}", Describe(outgoing), ex.Error.Reason);
                return true;
            }
        }
    }

    private Headers HeadersOf(OutgoingMessage outgoing)
    {
        var headers = new Headers();
        foreach (var (name, value) in outgoing.Headers)
        {
            headers.Add(name, value);
        }

        foreach (var (name, value) in _extraHeaders)
        {
            headers.Add(name, value);
        }

        if (options.SequenceHeader is { } sequenceHeader)
        {
            headers.Add(sequenceHeader, Encoding.ASCII.GetBytes(outgoing.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return headers;
    }

    private void OnDelivery(DeliveryReport<byte[], byte[]> report, OutgoingMessage outgoing, long started)
    {
        var latency = Stopwatch.GetElapsedTime(started);
        if (report.Error.IsError)
        {
            _stats.Failure();
            logger.LogError("Delivery failed for {What}: {Reason}", Describe(outgoing), report.Error.Reason);
            return;
        }

        _stats.Delivery(report.Partition.Value, latency);
        if (options.Quiet)
        {
            return;
        }

        var label = outgoing.Label is null ? "📨 Delivered" : $"📨 Delivered ({outgoing.Label})";
        var line = $"{label} | key={KeyText(outgoing.Key)} | partition={report.Partition.Value} | offset={report.Offset.Value} | {latency.TotalMilliseconds:F1} ms";
        lock (_outputGate)
        {
            output.WriteLine(line);
        }
    }

    private void ReportProgress(long sent, TimeSpan elapsed)
    {
        var delivered = _stats.Delivered;
        lock (_outputGate)
        {
            report!.WriteLine(System.FormattableString.Invariant(
                $"progress: {elapsed.TotalSeconds:F0} s, sent {sent}, delivered {delivered}, failed {_stats.FailedReports}, {delivered / Math.Max(elapsed.TotalSeconds, 1e-6):F0} msg/s"));
        }
    }

    private ProduceSummary Finish(ProduceSummary summary, TimeSpan elapsed, int? partitionCount)
    {
        if (report is not null)
        {
            foreach (var line in SummaryReport.Render(summary, _stats, elapsed, options.Topic, partitionCount))
            {
                report.WriteLine(line);
            }

            report.Flush();
        }
        else
        {
            logger.LogInformation("Sent {Sent}, delivered {Delivered}, failed {Failed} in {Seconds:F2} s",
                summary.Sent, summary.Delivered, summary.Failed, elapsed.TotalSeconds);
        }

        lock (_outputGate)
        {
            output.Flush();
        }

        return summary;
    }

    private static string Describe(OutgoingMessage outgoing) =>
        outgoing.Label is null ? $"message with key {KeyText(outgoing.Key)}" : $"{outgoing.Label} event (key {KeyText(outgoing.Key)})";

    private static string KeyText(byte[]? key) =>
        key is null ? "(none)" : Common.Decoding.Printable.Escape(Encoding.UTF8.GetString(key));
}
