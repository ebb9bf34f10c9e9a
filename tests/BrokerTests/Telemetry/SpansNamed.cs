using OpenTelemetry.Trace;

namespace KafkaDemo.BrokerTests.Telemetry;

/// <summary>
/// Records only the spans whose names a test expects. A tracer listens to the whole process, and
/// tests outside the broker collection may run beside it: sampling theirs out keeps their messages
/// free of trace headers, as they would be without the tracer.
/// </summary>
public sealed class SpansNamed(params string[] names) : Sampler
{
    private readonly HashSet<string> _names = [.. names];

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        new(_names.Contains(samplingParameters.Name) ? SamplingDecision.RecordAndSample : SamplingDecision.Drop);
}
