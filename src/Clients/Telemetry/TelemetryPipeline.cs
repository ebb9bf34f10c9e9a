using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KafkaDemo.Clients.Telemetry;

/// <summary>
/// A program's OpenTelemetry SDK for one run: a tracer provider listening to
/// <see cref="KafkaTelemetry.Source"/> when traces are on, a meter provider for the program's Meter
/// when metrics are on (OTLP and/or the Prometheus endpoint). With neither, nothing is built and
/// nothing listens, so the programs create no span and record no measurement. Disposing flushes
/// what is still buffered (the last spans, the final metrics) to the exporters.
/// </summary>
/// <remarks>
/// The SDK reads the rest of the standard variables itself: <c>OTEL_SERVICE_NAME</c> and
/// <c>OTEL_RESOURCE_ATTRIBUTES</c> (they win over the program's default name), <c>OTEL_TRACES_SAMPLER</c>
/// and its argument, the <c>OTEL_EXPORTER_OTLP_*</c> endpoint, protocol and headers, and
/// <c>OTEL_METRIC_EXPORT_INTERVAL</c>.
/// </remarks>
public sealed class TelemetryPipeline : IDisposable
{
    private readonly TracerProvider? _traces;
    private readonly MeterProvider? _metrics;

    private TelemetryPipeline(TracerProvider? traces, MeterProvider? metrics)
    {
        _traces = traces;
        _metrics = metrics;
    }

    /// <summary>
    /// Starts what <paramref name="settings"/> ask for, as service <paramref name="serviceName"/>
    /// exporting <paramref name="meterName"/>; spans for the console go to <paramref name="error"/>.
    /// </summary>
    /// <exception cref="TelemetryException">The Prometheus endpoint could not listen on its port.</exception>
    public static TelemetryPipeline Start(TelemetrySettings settings, string serviceName, string meterName, TextWriter error)
    {
        void Describe(ResourceBuilder resource) =>
            // Later detectors win: OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES over the default name.
            resource.Clear().AddService(serviceName).AddTelemetrySdk().AddEnvironmentVariableDetector();

        TracerProvider? traces = null;
        if (settings.Traces != TelemetryExport.None)
        {
            var builder = Sdk.CreateTracerProviderBuilder().ConfigureResource(Describe).AddSource(KafkaTelemetry.SourceName);
            traces = (settings.Traces == TelemetryExport.Otlp
                ? builder.AddOtlpExporter()
                : builder.AddProcessor(new SimpleActivityExportProcessor(new StderrSpanExporter(error)))).Build();
        }

        MeterProvider? metrics = null;
        if (settings.Metrics)
        {
            var builder = Sdk.CreateMeterProviderBuilder().ConfigureResource(Describe).AddMeter(meterName);
            if (settings.OtlpMetrics)
            {
                builder.AddOtlpExporter();
            }

            if (settings.PrometheusPort is { } port)
            {
                builder.AddPrometheusHttpListener(o => (o.Host, o.Port, o.ScrapeEndpointPath) = ("127.0.0.1", port, "/metrics"));
            }

            try
            {
                metrics = builder.Build();
            }
            catch (Exception ex) when (ex is System.Net.HttpListenerException or InvalidOperationException)
            {
                traces?.Dispose();
                throw new TelemetryException($"cannot serve metrics on 127.0.0.1:{settings.PrometheusPort}: {ex.Message}", ex);
            }
        }

        return new TelemetryPipeline(traces, metrics);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _traces?.Dispose();
        _metrics?.Dispose();
    }
}
