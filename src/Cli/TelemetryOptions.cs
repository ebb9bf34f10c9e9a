using System.CommandLine;
using KafkaDemo.Clients.Telemetry;

namespace KafkaDemo.Cli;

/// <summary>
/// <c>--trace &lt;otlp|console&gt;</c> and <c>--metrics-port &lt;port&gt;</c>: what a run exports, on top of the
/// standard <c>OTEL_*</c> variables (<see cref="TelemetrySettings.From"/>). Off unless asked for.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>Declares both options; the port's range is checked on parsing.</summary>
    public TelemetryOptions()
    {
        MetricsPort.Validators.Add(result =>
        {
            if (result.GetValue(MetricsPort) is { } port && port is < 1 or > 65535)
            {
                result.AddError($"--metrics-port must be between 1 and 65535 (got {port}).");
            }
        });
    }

    /// <summary><c>--trace</c>: spans to OTLP or, one line each, to stderr.</summary>
    public Option<string?> Trace { get; } = new Option<string?>("--trace")
    {
        Description = "Record a span per message: otlp (to OTEL_EXPORTER_OTLP_ENDPOINT) or console (one line per span on stderr) [default: otlp when OTEL_EXPORTER_OTLP_ENDPOINT is set, else off]",
        HelpName = "otlp|console",
    }.AcceptOnlyFromAmong("otlp", "console");

    /// <summary><c>--metrics-port</c>: serve Prometheus text at http://127.0.0.1:port/metrics.</summary>
    public Option<int?> MetricsPort { get; } = new Option<int?>("--metrics-port")
    {
        Description = "Serve metrics (counts, latency, consumer lag) as Prometheus text at http://127.0.0.1:<port>/metrics while the run lasts",
        HelpName = "port",
    };

    /// <summary>The settings the parse and <paramref name="environment"/>'s <c>OTEL_*</c> variables ask for.</summary>
    public TelemetrySettings Bind(ParseResult parsed, Func<string, string?> environment) =>
        TelemetrySettings.From(
            parsed.GetValue(Trace) switch { "otlp" => TelemetryExport.Otlp, "console" => TelemetryExport.Console, _ => null },
            parsed.GetValue(MetricsPort), environment);

    /// <summary>
    /// Starts the run's <see cref="TelemetryPipeline"/>; null, after one line on stderr, when it
    /// cannot start (the metrics port is taken): the run then stops with exit code 1.
    /// </summary>
    public static TelemetryPipeline? TryStart(TelemetrySettings settings, string serviceName, string meterName, ParseResult parsed)
    {
        var error = parsed.InvocationConfiguration.Error;
        try
        {
            return TelemetryPipeline.Start(settings, serviceName, meterName, error);
        }
        catch (TelemetryException ex)
        {
            error.WriteLine($"{parsed.RootCommandResult.Command.Name}: {ex.Message}");
            return null;
        }
    }
}
