using KafkaDemo.Clients.Telemetry;

namespace KafkaDemo.UnitTests.Clients.Telemetry;

public class TelemetrySettingsTests
{
    private static TelemetrySettings From(TelemetryExport? trace, int? port, params (string Name, string Value)[] variables) =>
        TelemetrySettings.From(trace, port, CommandLine.Environment(variables));

    [Fact]
    public void Nothing_is_exported_without_a_flag_or_an_otel_variable()
    {
        Assert.Equal(TelemetrySettings.Off, From(null, null));
        Assert.False(From(null, null).Metrics);
    }

    [Fact]
    public void An_otlp_endpoint_turns_on_traces_and_metrics_by_otlp()
    {
        Assert.Equal(new TelemetrySettings(TelemetryExport.Otlp, true, null), From(null, null, ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://jaeger:4317")));
    }

    [Fact]
    public void The_exporter_variables_choose_and_none_turns_a_signal_off()
    {
        Assert.Equal(new TelemetrySettings(TelemetryExport.Console, false, null), From(null, null, ("OTEL_TRACES_EXPORTER", "console")));
        Assert.Equal(new TelemetrySettings(TelemetryExport.None, true, null),
            From(null, null, ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317"), ("OTEL_TRACES_EXPORTER", "none")));
        Assert.Equal(new TelemetrySettings(TelemetryExport.Otlp, false, null),
            From(null, null, ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317"), ("OTEL_METRICS_EXPORTER", "none")));
        Assert.Equal(TelemetryExport.Otlp, From(null, null, ("OTEL_TRACES_EXPORTER", "zipkin, otlp")).Traces);
    }

    [Fact]
    public void The_trace_flag_wins_over_the_variables_and_the_port_turns_on_metrics()
    {
        Assert.Equal(TelemetryExport.Console, From(TelemetryExport.Console, null, ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317")).Traces);
        Assert.Equal(new TelemetrySettings(TelemetryExport.None, false, 9464), From(null, 9464));
        Assert.True(From(null, 9464).Metrics);
    }

    [Fact]
    public void Otel_sdk_disabled_leaves_only_what_the_flags_ask_for()
    {
        Assert.Equal(TelemetrySettings.Off, From(null, null, ("OTEL_SDK_DISABLED", "true"), ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317")));
        Assert.Equal(new TelemetrySettings(TelemetryExport.Console, false, 9464),
            From(TelemetryExport.Console, 9464, ("OTEL_SDK_DISABLED", "TRUE"), ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317")));
    }
}
