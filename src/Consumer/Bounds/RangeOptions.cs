using System.CommandLine;
using System.CommandLine.Parsing;
using KafkaDemo.Cli;

namespace KafkaDemo.Consumer.Bounds;

/// <summary>
/// Where each partition's reading starts and stops: <c>--from</c>, <c>--tail</c> (another way to
/// say where to start, so not with <c>--from</c>) and <c>--until</c>, with the checks between them.
/// </summary>
public sealed class RangeOptions
{
    /// <summary>The options; <paramref name="clock"/> turns <c>-10m</c> into a time.</summary>
    public RangeOptions(Func<DateTimeOffset> clock)
    {
        From = new Option<StartPosition>("--from")
        {
            Description = "Where to start: earliest, latest (where the group has no committed offset), committed, a time (2026-11-22T10:00:00Z, epoch ms) or a duration ago (-10m)",
            HelpName = "position",
            DefaultValueFactory = _ => StartPosition.Earliest,
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                var position = StartPosition.Parse(text, clock());
                if (position is null)
                {
                    result.AddError($"'{text}' is not a start position for --from: use earliest, latest, committed, a time, epoch milliseconds or -<duration>.");
                }

                return position ?? StartPosition.Earliest;
            },
        };

        Until = new Option<UntilBound?>("--until")
        {
            Description = "Stop each partition at a bound: a time (ISO, epoch ms, -10m: before the first later message), @<offset> (before that offset) or +<n> (after n messages); the run ends when every partition has",
            HelpName = "bound",
            CustomParser = result =>
            {
                var bound = UntilBound.Parse(result.Tokens[0].Value, clock(), out var error);
                if (bound is null)
                {
                    result.AddError($"{error}.");
                }

                return bound;
            },
        };
    }

    public Option<StartPosition> From { get; }

    public Option<UntilBound?> Until { get; }

    public Option<int> Tail { get; } = WithoutDefault(new Option<int>("--tail")
    {
        Description = "Start each partition n messages before its end, whatever the group committed; with --exit-at-end show them and stop, without it follow on",
        HelpName = "n",
    }.Within(0, int.MaxValue, 0));

    // Absent, --tail is not "the last 0": --help shows no default for it.
    private static Option<int> WithoutDefault(Option<int> option)
    {
        option.DefaultValueFactory = null;
        return option;
    }

    /// <summary>Where reading starts: <c>--tail</c> when given, else <c>--from</c>.</summary>
    public StartPosition StartIn(ParseResult parsed) =>
        parsed.GetResult(Tail) is { Implicit: false } ? StartPosition.Tail(parsed.GetValue(Tail)) : parsed.GetValue(From) ?? StartPosition.Earliest;

    /// <summary>The checks between these options and <paramref name="commit"/>, run by the parser before any action.</summary>
    public void Check(CommandResult result, ChoiceOption<CommitMode> commit)
    {
        if (result.GetResult(Tail) is { Implicit: false } && result.GetResult(From) is { Implicit: false })
        {
            result.AddError("Give either --tail or --from, not both.");
        }

        // With auto, librdkafka stores an offset as its message is read, the first message past
        // the bound included, and the next run would never see it.
        if (result.GetResult(Until) is not null && result.GetResult(commit) is { Implicit: false } && commit.ValueIn(result) == CommitMode.Auto)
        {
            result.AddError("--until needs --commit after-processing: with --commit auto the first message past the bound would be committed as read.");
        }
    }
}
