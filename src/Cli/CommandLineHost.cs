using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace KafkaDemo.Cli;

/// <summary>
/// Runs a root command the way every KafkaDemo program should behave: a usage mistake gets one
/// line on stderr and exit code 2 (not a page of help and exit 1), and an unexpected exception
/// gets one line and exit code 1 rather than a stack trace.
/// </summary>
public static class CommandLineHost
{
    /// <summary>How long a program may take to stop after Ctrl+C or SIGTERM.</summary>
    public static readonly TimeSpan ShutdownLimit = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How every program parses: without response files, so that a value starting with <c>@</c>
    /// (the Consumer's <c>--until @offset</c>) is that value, not the contents of a file of that name.
    /// </summary>
    public static ParserConfiguration Parsing { get; } = new() { ResponseFileTokenReplacer = null };

    /// <summary>Parses <paramref name="args"/>, then runs the chosen command's action.</summary>
    public static async Task<int> InvokeAsync(
        RootCommand root, IReadOnlyList<string> args, TextWriter? output = null, TextWriter? error = null,
        CancellationToken cancellationToken = default)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var name = root.Name;

        var parsed = root.Parse(args, Parsing);
        if (parsed.Action is ParseErrorAction)
        {
            // The first error is the cause; later ones are usually its echoes (a value that did not
            // parse also leaves its option "missing an argument").
            await error.WriteLineAsync($"{name}: {OneLine(parsed.Errors[0].Message)} (see --help)");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            // Ctrl+C and SIGTERM cancel the action's token; this bounds how long the producer's
            // final flush and the consumer's commit and Close() may take before the process exits.
            ProcessTerminationTimeout = ShutdownLimit,
        };

        try
        {
            if (parsed.Action is HelpAction)
            {
                // System.CommandLine prints a default with its ToString(), 00:00:30 for a duration,
                // and offers no hook to change that; the help is written as a user types it instead.
                var help = new StringWriter();
                configuration.Output = help;
                var exitCode = await parsed.InvokeAsync(configuration, cancellationToken);
                await output.WriteAsync(Durations.AsTypedInHelp(help.ToString()));
                return exitCode;
            }

            return await parsed.InvokeAsync(configuration, cancellationToken);
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync($"{name}: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (IOException ex)
        {
            // Mostly a reader that went away (`| head`): a fact about the run, not a defect.
            await error.WriteLineAsync($"{name}: error: {OneLine(ex.Message)}");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await error.WriteLineAsync($"{name}: unexpected error: {ex.GetType().Name}: {OneLine(ex.Message)}");
            return ExitCodes.Failure;
        }
        finally
        {
            // A program may hand in a buffered stdout; whatever the command wrote is shown before exit.
            await output.FlushAsync(CancellationToken.None);
        }
    }

    // Some parser messages list choices on separate lines; a usage error stays one line.
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
