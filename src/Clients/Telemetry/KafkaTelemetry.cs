using System.Diagnostics;

namespace KafkaDemo.Clients.Telemetry;

/// <summary>
/// The names our spans and metrics are published under, and the one <see cref="ActivitySource"/>
/// every program starts its spans from. Nothing listens to it unless a program's
/// <see cref="TelemetryPipeline"/> (or a test's own tracer) subscribes to <see cref="SourceName"/>.
/// </summary>
public static class KafkaTelemetry
{
    /// <summary>The ActivitySource's name: what a tracer subscribes to.</summary>
    public const string SourceName = "KafkaDemo";

    /// <summary>The Producer's Meter.</summary>
    public const string ProducerMeter = "KafkaDemo.Producer";

    /// <summary>The Consumer's Meter.</summary>
    public const string ConsumerMeter = "KafkaDemo.Consumer";

    /// <summary>Every span of the programs: send, process, the DLQ's send, the store's write.</summary>
    public static ActivitySource Source { get; } = new(SourceName);
}
