using System.CommandLine;
using KafkaDemo.Cli;

namespace KafkaDemo.Consumer.Reset;

/// <summary>
/// <c>consumer reset-offsets</c>: its own options (<c>--to</c>, <c>--execute</c>); the connection,
/// the group and the topics are the root's. <see cref="ResetOffsetsCommand"/> runs it.
/// </summary>
public sealed class ResetOffsetsCommandDefinition
{
    /// <summary>Declares the subcommand; <paramref name="clock"/> gives "now" for <c>--to -1h</c>.</summary>
    public ResetOffsetsCommandDefinition(Func<DateTimeOffset> clock)
    {
        To = new Option<ResetTarget>("--to")
        {
            Description = "Where to move the group's offsets: earliest, latest, an offset (42), a shift (+10, -10), an ISO 8601 time or -<duration> (-1h)",
            HelpName = "target",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                var target = ResetTarget.Parse(text, clock());
                if (target is null)
                {
                    result.AddError($"'{text}' is not a target for --to: use earliest, latest, an offset, +N, -N, a time or -<duration>.");
                }

                return target!;
            },
        };
        Command = new Command("reset-offsets",
            $"Move the group's committed offsets on every partition of --topic: prints the plan, and applies it with --execute (the group must have no active members). {EnvironmentFallback.Rule}")
        {
            To, Execute,
        };
    }

    /// <summary>The subcommand, without an action until <see cref="ConsumerCommand"/> sets one.</summary>
    public Command Command { get; }

    public Option<ResetTarget> To { get; }

    public Option<bool> Execute { get; } = new("--execute") { Description = "Apply the plan; without it, reset-offsets only prints it" };
}
