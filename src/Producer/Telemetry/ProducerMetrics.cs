using System.Diagnostics.Metrics;
using KafkaDemo.Clients.Telemetry;

namespace KafkaDemo.Producer.Telemetry;

/// <summary>
/// One run's metrics, on a Meter named <see cref="KafkaTelemetry.ProducerMeter"/>: messages and
/// bytes sent, delivered and failed, and the delivery latency, each labelled with the topic. Every
/// recording first asks whether anything listens, so a run without metrics pays one check.
/// </summary>
/// <remarks>
/// The Meter is not disposed at the end of the run: the exporters collect one last time when the
/// program's <see cref="TelemetryPipeline"/> is disposed, after the run.
/// </remarks>
public sealed class ProducerMetrics
{
    private readonly KeyValuePair<string, object?> _topic;
    private readonly Counter<long> _sent, _sentBytes, _delivered, _deliveredBytes, _failed;
    private readonly Histogram<double> _latency;

    /// <summary>The instruments of a run producing to <paramref name="topic"/>.</summary>
    public ProducerMetrics(string topic)
    {
        _topic = new("topic", topic);
        var meter = new Meter(KafkaTelemetry.ProducerMeter);
        _sent = meter.CreateCounter<long>("kafkademo.producer.sent", "{message}", "Messages handed to librdkafka");
        _sentBytes = meter.CreateCounter<long>("kafkademo.producer.sent.bytes", "By", "Value bytes handed to librdkafka");
        _delivered = meter.CreateCounter<long>("kafkademo.producer.delivered", "{message}", "Messages the broker acknowledged");
        _deliveredBytes = meter.CreateCounter<long>("kafkademo.producer.delivered.bytes", "By", "Value bytes the broker acknowledged");
        _failed = meter.CreateCounter<long>("kafkademo.producer.failed", "{message}", "Messages refused by librdkafka or reported failed");
        _latency = meter.CreateHistogram<double>("kafkademo.producer.delivery.duration", "s", "From the produce call to the delivery report");
    }

    /// <summary>A message of <paramref name="bytes"/> value bytes was handed to librdkafka.</summary>
    public void Sent(int bytes)
    {
        if (_sent.Enabled)
        {
            _sent.Add(1, _topic);
            _sentBytes.Add(bytes, _topic);
        }
    }

    /// <summary>A message of <paramref name="bytes"/> value bytes was acknowledged <paramref name="latency"/> after it was sent.</summary>
    public void Delivered(int bytes, TimeSpan latency)
    {
        if (_delivered.Enabled)
        {
            _delivered.Add(1, _topic);
            _deliveredBytes.Add(bytes, _topic);
            _latency.Record(latency.TotalSeconds, _topic);
        }
    }

    /// <summary>A message failed.</summary>
    public void Failed()
    {
        if (_failed.Enabled)
        {
            _failed.Add(1, _topic);
        }
    }
}
