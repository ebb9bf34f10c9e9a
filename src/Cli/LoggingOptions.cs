using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Cli;

/// <summary><c>--log-format</c>, <c>--verbose</c> and <c>--quiet</c>: how much diagnostics go to stderr, and in which shape.</summary>
public sealed class LoggingOptions
{
    private LoggingOptions(Option<string> format, Option<bool> verbose, Option<bool> quiet)
    {
        Format = format;
        Verbose = verbose;
        Quiet = quiet;
    }

    /// <summary><c>--log-format simple|json</c>.</summary>
    public Option<string> Format { get; }

    /// <summary><c>--verbose</c>: debug entries too (add <c>-X debug=…</c> for librdkafka's own).</summary>
    public Option<bool> Verbose { get; }

    /// <summary><c>--quiet</c>: warnings and errors only (and, for the Producer, no line per delivery).</summary>
    public Option<bool> Quiet { get; }

    /// <summary>Creates the options; <paramref name="quietDescription"/> says what --quiet does for the program.</summary>
    public static LoggingOptions Create(string quietDescription)
    {
        var format = new Option<string>("--log-format")
        {
            Description = "Diagnostics on stderr as simple text lines or as one JSON object per line",
            DefaultValueFactory = _ => "simple",
        }.AcceptOnlyFromAmong("simple", "json");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Debug diagnostics too (add -X debug=… for librdkafka's own)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = quietDescription };
        return new LoggingOptions(format, verbose, quiet);
    }

    /// <summary>Adds the options, and a check that --quiet and --verbose are not both given, to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(Format);
        command.Add(Verbose);
        command.Add(Quiet);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Verbose) && result.GetValue(Quiet))
            {
                result.AddError("Give either --quiet or --verbose, not both.");
            }
        });
    }

    /// <summary>
    /// Where a program's text summary goes: stderr, or nowhere with JSON logs, where the summary is
    /// logged as a structured entry instead so that stderr stays one JSON object per line.
    /// </summary>
    public TextWriter? SummaryWriter(ParseResult parsed) =>
        parsed.GetValue(Format) == "json" ? null : parsed.InvocationConfiguration.Error;

    /// <summary>The logger factory the parsed options ask for, built when the first entry is written.</summary>
    public ILoggerFactory CreateFactory(ParseResult parsed) => ConsoleLogging.CreateOnFirstEntry(
        parsed.GetValue(Verbose) ? LogLevel.Debug : parsed.GetValue(Quiet) ? LogLevel.Warning : LogLevel.Information,
        parsed.GetValue(Format) == "json");
}
