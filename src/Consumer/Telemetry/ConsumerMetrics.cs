using System.Diagnostics.Metrics;
using KafkaDemo.Clients.Telemetry;

namespace KafkaDemo.Consumer.Telemetry;

/// <summary>
/// One run's metrics, on a Meter named <see cref="KafkaTelemetry.ConsumerMeter"/>: the counts the
/// run keeps anyway (<see cref="ConsumeStats"/>), read when an exporter collects, so the message
/// path records nothing for them; the consumer lag librdkafka reports (<see cref="Lag"/>); and how
/// long each <c>--store</c> batch took to write.
/// </summary>
/// <remarks>
/// The Meter is not disposed at the end of the run: the exporters collect one last time when the
/// program's <see cref="TelemetryPipeline"/> is disposed, after the run, and a disposed Meter's
/// observable instruments are no longer read.
/// </remarks>
internal sealed class ConsumerMetrics
{
    private readonly Histogram<double> _storeWrite;

    public ConsumerMetrics(ConsumeStats stats)
    {
        var meter = new Meter(KafkaTelemetry.ConsumerMeter);
        meter.CreateObservableCounter("kafkademo.consumer.consumed", () => PerPartition(stats), "{message}",
            "Messages consumed (handled: shown, filtered out or dead-lettered), per partition");
        meter.CreateObservableCounter("kafkademo.consumer.shown", () => stats.Snapshot(false, false).Shown, "{message}", "Messages written to the output");
        meter.CreateObservableCounter("kafkademo.consumer.filtered", () => stats.Snapshot(false, false).FilteredOut, "{message}", "Messages left out by --event-type");
        meter.CreateObservableCounter("kafkademo.consumer.invalid", () => stats.Snapshot(false, false).Invalid, "{message}", "Messages that failed decoding or validation");
        meter.CreateObservableCounter("kafkademo.consumer.dead_lettered", () => stats.Snapshot(false, false).DeadLettered, "{message}", "Invalid messages the DLQ confirmed");
        meter.CreateObservableGauge("kafkademo.consumer.lag", LagPerPartition, "{message}",
            "The partition's end offset less the group's committed offset, as librdkafka last reported it (statistics.interval.ms)");
        _storeWrite = meter.CreateHistogram<double>("kafkademo.consumer.store.batch.duration", "s", "How long one --store batch took to write (events and offsets, one transaction)");
    }

    /// <summary>Where the instances hand librdkafka's statistics.</summary>
    public ConsumerLagStatistics Lag { get; } = new();

    /// <summary>A store batch was written in <paramref name="elapsed"/>.</summary>
    public void StoreWritten(TimeSpan elapsed) => _storeWrite.Record(elapsed.TotalSeconds);

    private static IEnumerable<Measurement<long>> PerPartition(ConsumeStats stats)
    {
        foreach (var (name, count) in stats.Snapshot(false, false).PerPartition)
        {
            // The summary names a partition "topic[n]"; a topic name cannot hold '['.
            var open = name.LastIndexOf('[');
            yield return new Measurement<long>(count, Labels(name[..open], name[(open + 1)..^1]));
        }
    }

    private IEnumerable<Measurement<long>> LagPerPartition() =>
        Lag.Latest().Select(l => new Measurement<long>(l.Lag, Labels(l.Topic, l.Partition.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static KeyValuePair<string, object?>[] Labels(string topic, string partition) =>
        [new("topic", topic), new("partition", partition)];
}
