using System.CommandLine;
using KafkaDemo.Cli;
using KafkaDemo.Clients.Telemetry;

namespace KafkaDemo.UnitTests.Cli;

public class TelemetryOptionsTests
{
    private static (TelemetryOptions Options, ParseResult Parsed) Parse(params string[] args)
    {
        var options = new TelemetryOptions();
        var root = new RootCommand { options.Trace, options.MetricsPort };
        return (options, root.Parse(args));
    }

    [Theory]
    [InlineData("--metrics-port", "0", "--metrics-port must be between 1 and 65535 (got 0).")]
    [InlineData("--metrics-port", "70000", "--metrics-port must be between 1 and 65535 (got 70000).")]
    public void A_port_out_of_range_is_a_usage_error(string flag, string value, string error)
    {
        Assert.Equal([error], Parse(flag, value).Parsed.Errors.Select(e => e.Message));
    }

    [Fact]
    public void An_unknown_trace_exporter_is_a_usage_error()
    {
        Assert.Single(Parse("--trace", "jaeger").Parsed.Errors);
    }

    [Fact]
    public void The_flags_bind_over_the_environment()
    {
        var (options, parsed) = Parse("--trace", "console", "--metrics-port", "9464");

        var settings = options.Bind(parsed, CommandLine.Environment(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317")));

        Assert.Equal(new TelemetrySettings(TelemetryExport.Console, true, 9464), settings);
    }
}
