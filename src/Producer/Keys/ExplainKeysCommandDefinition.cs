using System.CommandLine;
using KafkaDemo.Cli;

namespace KafkaDemo.Producer.Keys;

/// <summary>
/// <c>producer explain-keys k1,k2,…</c>: the keys are its own; the partition count, the
/// partitioner, the topic and the connection are the root's options, shared with it.
/// <see cref="ExplainKeysCommand"/> runs it.
/// </summary>
public sealed class ExplainKeysCommandDefinition
{
    /// <summary>Declares the subcommand and its argument.</summary>
    public ExplainKeysCommandDefinition()
    {
        Command = new Command("explain-keys",
            $"Print the partition of each key under every partitioner, then exit; the partition count comes from --partitions, else from the topic. {EnvironmentFallback.Rule}")
        {
            Keys,
        };
    }

    /// <summary>The subcommand, without an action until <see cref="ProducerCommand"/> sets one.</summary>
    public Command Command { get; }

    public Argument<string[]> Keys { get; } = new("keys")
    {
        Description = "The keys, as separate arguments or comma-separated (k1,k2,…); an empty one is the empty key",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>Every key given, each argument split at its commas, as the old <c>--explain-keys</c> flag read its list.</summary>
    public static IReadOnlyList<string> Split(IEnumerable<string> arguments) =>
        [.. arguments.SelectMany(argument => argument.Split(',', StringSplitOptions.TrimEntries))];
}
