namespace KafkaDemo.BrokerTests.Docs;

/// <summary>What became of a guide's steps: those run (with their time), those not run and why, and the first failure.</summary>
public sealed class GuideRun(string guide)
{
    public string Guide { get; } = guide;

    public List<string> Ran { get; } = [];

    public List<string> NotRun { get; } = [];

    public string? Failure { get; set; }

    public void Fail(GuideStep step, string what, string output)
    {
        var tail = string.Join('\n', output.TrimEnd().Split('\n').TakeLast(60));
        Failure ??= $"{Guide}, {step.Name}\n  {what}\n  its output (last lines):\n{tail}";
    }

    public override string ToString() =>
        string.Join('\n', [
            $"{Guide}: {Ran.Count} steps run, {NotRun.Count} not run",
            .. Ran.Select(s => "  ran: " + s),
            .. NotRun.Select(s => "  not run: " + s),
            .. Failure is null ? Array.Empty<string>() : ["  FAILED: " + Failure],
        ]);
}
