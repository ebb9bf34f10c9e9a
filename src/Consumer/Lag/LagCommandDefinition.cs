using System.CommandLine;
using KafkaDemo.Cli;

namespace KafkaDemo.Consumer.Lag;

/// <summary>
/// <c>consumer lag</c>: the connection, the group and the topics are the root's, shared with every
/// subcommand; its own option is <c>--watch [interval]</c>. <see cref="LagCommand"/> runs it.
/// </summary>
public sealed class LagCommandDefinition
{
    /// <summary>How often <c>--watch</c> redraws when given no interval.</summary>
    public static readonly TimeSpan DefaultWatchInterval = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan s_shortestWatchInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Declares the subcommand and its option.</summary>
    public LagCommandDefinition()
    {
        Watch = new Option<TimeSpan?>("--watch")
        {
            Description = $"Measure again every interval (default {Durations.Format(DefaultWatchInterval)}) and redraw, with messages per second in and out and a bar per partition, until Ctrl+C; on a pipe, one table per interval",
            HelpName = "interval",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return DefaultWatchInterval;
                }

                var text = result.Tokens[0].Value;
                if (Durations.Parse(text) is not { } interval || interval < s_shortestWatchInterval)
                {
                    result.AddError($"'{text}' is not an interval for --watch: use a duration of at least {Durations.Format(s_shortestWatchInterval)}, e.g. 500ms, 2s or 1m.");
                    return null;
                }

                return interval;
            },
        };
        Command = new Command("lag",
            $"Print the group's committed offset, log-end offset and lag per partition of --topic (default: every topic the group has committed offsets for), then exit; with --watch, keep redrawing. {EnvironmentFallback.Rule}")
        {
            Watch,
        };
    }

    /// <summary>The subcommand, without an action until <see cref="ConsumerCommand"/> sets one.</summary>
    public Command Command { get; }

    /// <summary><c>--watch [interval]</c>: null when not given, the interval (or the default) when given.</summary>
    public Option<TimeSpan?> Watch { get; }
}
