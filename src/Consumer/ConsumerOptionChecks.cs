using System.CommandLine.Parsing;
using KafkaDemo.Cli;

namespace KafkaDemo.Consumer;

/// <summary>The checks that span several of the Consumer's root options, run by the parser before any action.</summary>
internal static class ConsumerOptionChecks
{
    // A validator sees only what was typed: an absent option reads as default(T), not its default value.
    public static void Check(ConsumerCommandDefinition d, CommandResult result)
    {
        if (result.GetResult(d.Assign) is not null && result.GetResult(d.Partition) is not null)
        {
            result.AddError("Give either --assign or --partition, not both.");
        }

        if (result.GetValue(d.Partition)?.Any(p => p < 0) == true)
        {
            result.AddError("--partition must be 0 or more.");
        }

        if (result.GetValue(d.Assign) is { } list && PartitionAssignment.ParseList(list, out var error) is null)
        {
            result.AddError($"--assign: {error}.");
        }

        if (result.GetResult(d.Format) is not null && result.GetResult(d.Output) is not null)
        {
            result.AddError("Give either --output or --format, not both.");
        }

        // Whether a store was given is read from the token or the environment: reading a value
        // that failed to parse would throw.
        var storeGiven = EnvironmentFallback.WasGiven(result, d.Store);
        if (storeGiven && result.GetResult(d.Commit) is not null && d.Commit.ValueIn(result) != CommitMode.AfterProcessing)
        {
            result.AddError("--store keeps its own offsets, written with the events: it cannot be combined with --commit auto.");
        }

        if (storeGiven && (result.GetResult(d.Assign) is not null || result.GetResult(d.Partition) is not null))
        {
            result.AddError("--store reads as a group, from the offsets it holds: it cannot be combined with --assign or --partition.");
        }

        if ((result.GetResult(d.Assign) is not null || result.GetResult(d.Partition) is not null) && result.GetValue(d.Instances) > 1)
        {
            result.AddError("--instances needs a group; it cannot be combined with --assign or --partition.");
        }
    }
}
