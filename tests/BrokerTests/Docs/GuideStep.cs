namespace KafkaDemo.BrokerTests.Docs;

/// <summary>
/// One command of a guide, as <see cref="GuideScript"/> read it, with what the guide promises about
/// it. <see cref="NotRunReason"/> is set for the first command of a block the guide marks as
/// needing what the test cannot give (a real Kafka, Docker, a SASL cluster).
/// </summary>
public sealed record GuideStep(int Line, string Command)
{
    /// <summary>Set for a command the reader starts in another terminal (<c># terminal N</c>): it runs in the background until the guide's end.</summary>
    public int? Terminal { get; init; }

    /// <summary>An <c>export NAME=value</c> whose value the reader pastes from the last terminal's first line.</summary>
    public bool PastesFromTerminal { get; init; }

    public int ExpectedExitCode { get; init; }

    /// <summary>Patterns the command's output (stdout and stderr) must match.</summary>
    public IReadOnlyList<string> Expectations { get; init; } = [];

    /// <summary>Patterns a terminal's output must match after this command, each after the previous one seen there.</summary>
    public IReadOnlyList<(int Terminal, string Pattern)> TerminalExpectations { get; init; } = [];

    public string? NotRunReason { get; init; }

    /// <summary>How the report names the step: its line in the guide and its command.</summary>
    public string Name => $"line {Line}: {Command}";
}
