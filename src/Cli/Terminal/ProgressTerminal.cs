using System.CommandLine;

namespace KafkaDemo.Cli.Terminal;

/// <summary>
/// Where a long run's progress line goes: stderr, when it is a terminal and the logs are plain
/// text at their usual level. On a pipe or a file, with <c>-q</c> (whose own lines stay as they
/// are) or with <c>--log-format json</c> (one JSON object per line), there is none.
/// </summary>
public sealed class ProgressTerminal(Stream terminal, Func<TerminalSize?> size)
{
    /// <summary>How long a run goes before its line first shows: a short run never draws one.</summary>
    public static readonly TimeSpan FirstAfter = TimeSpan.FromSeconds(1);

    /// <summary>How often the line is redrawn.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);

    /// <summary>stderr's terminal, or null where no progress line is drawn.</summary>
    public static ProgressTerminal? ForStandardError(ParseResult parsed, LoggingOptions logging) =>
        parsed.GetValue(logging.Quiet) || parsed.GetValue(logging.Format) == "json" || ConsoleTerminal.StandardErrorSize() is null
            ? null
            : new ProgressTerminal(Console.OpenStandardError(), ConsoleTerminal.StandardErrorSize);

    /// <summary>Starts redrawing the text <paramref name="render"/> gives, until the line is disposed.</summary>
    public ProgressLine Start(Func<string> render) => new(new StatusLine(terminal, size), render, FirstAfter, Period);
}
