namespace KafkaDemo.Clients.Telemetry;

/// <summary>What a run exports: its traces, its metrics by OTLP, and a Prometheus endpoint.</summary>
/// <param name="Traces">Where spans go.</param>
/// <param name="OtlpMetrics">Metrics are pushed by OTLP (every <c>OTEL_METRIC_EXPORT_INTERVAL</c>, and at exit).</param>
/// <param name="PrometheusPort">Metrics are served at http://127.0.0.1:port/metrics; null: not served.</param>
public sealed record TelemetrySettings(TelemetryExport Traces, bool OtlpMetrics, int? PrometheusPort)
{
    /// <summary>Nothing exported: the default.</summary>
    public static TelemetrySettings Off { get; } = new(TelemetryExport.None, false, null);

    /// <summary>Some metric is exported, so the instruments are worth feeding (and librdkafka's statistics worth asking for).</summary>
    public bool Metrics => OtlpMetrics || PrometheusPort is not null;

    /// <summary>
    /// The settings that <paramref name="trace"/> (<c>--trace</c>), <paramref name="metricsPort"/>
    /// (<c>--metrics-port</c>) and the standard <c>OTEL_*</c> variables ask for. A flag wins over the
    /// variables. Traces go to OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or its traces twin) is
    /// set or <c>OTEL_TRACES_EXPORTER</c> says otlp, to stderr when it says console; metrics go to OTLP
    /// on the same terms with <c>OTEL_METRICS_EXPORTER</c>. <c>none</c> in either, or
    /// <c>OTEL_SDK_DISABLED=true</c>, turns that signal off.
    /// </summary>
    public static TelemetrySettings From(TelemetryExport? trace, int? metricsPort, Func<string, string?> environment)
    {
        string? Read(string name) => environment(name) is { Length: > 0 } value ? value.Trim() : null;
        if (string.Equals(Read("OTEL_SDK_DISABLED"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return Off with { Traces = trace ?? TelemetryExport.None, PrometheusPort = metricsPort };
        }

        var endpoint = Read("OTEL_EXPORTER_OTLP_ENDPOINT") is not null;
        var traces = trace ?? Chosen(Read("OTEL_TRACES_EXPORTER"), endpoint || Read("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") is not null);
        var metrics = Chosen(Read("OTEL_METRICS_EXPORTER"), endpoint || Read("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT") is not null);
        return new TelemetrySettings(traces, metrics == TelemetryExport.Otlp, metricsPort);
    }

    // OTEL_*_EXPORTER is a comma-separated list; we export to one place, the first we know.
    private static TelemetryExport Chosen(string? exporters, bool endpointSet)
    {
        if (exporters is null)
        {
            return endpointSet ? TelemetryExport.Otlp : TelemetryExport.None;
        }

        foreach (var name in exporters.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            switch (name.ToLowerInvariant())
            {
                case "otlp":
                    return TelemetryExport.Otlp;
                case "console":
                    return TelemetryExport.Console;
            }
        }

        return TelemetryExport.None;
    }
}
