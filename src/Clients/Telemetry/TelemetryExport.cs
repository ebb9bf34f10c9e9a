namespace KafkaDemo.Clients.Telemetry;

/// <summary>Where traces go: nowhere (the default), to an OTLP endpoint, or one line per span on stderr.</summary>
public enum TelemetryExport
{
    /// <summary>Off: no listener, so no span is created.</summary>
    None,

    /// <summary>OTLP, to <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the SDK's default, http://localhost:4317, when unset).</summary>
    Otlp,

    /// <summary>One line per span on stderr.</summary>
    Console,
}
