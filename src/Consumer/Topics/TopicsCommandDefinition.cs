using System.CommandLine;
using KafkaDemo.Cli;

namespace KafkaDemo.Consumer.Topics;

/// <summary>
/// <c>consumer topics</c>: its own options (the listing's format, internal topics); the connection
/// and the topics are the root's. <see cref="TopicsCommand"/> runs it.
/// </summary>
public sealed class TopicsCommandDefinition
{
    /// <summary>Declares the subcommand and its options.</summary>
    public TopicsCommandDefinition()
    {
        Command = new Command("topics",
            $"List the brokers, then each topic (all, or those of --topic) with its partitions: leader, replicas, in-sync replicas, low and high watermarks. {EnvironmentFallback.Rule}")
        {
            Output, Internal,
        };
    }

    /// <summary>The subcommand, without an action until <see cref="ConsumerCommand"/> sets one.</summary>
    public Command Command { get; }

    public ChoiceOption<ListingFormat> Output { get; } = new("--output", ["-o"], "text: aligned tables; json: one JSON document", ListingFormat.Text);

    public Option<bool> Internal { get; } = new("--internal") { Description = "Also list Kafka's internal topics (__consumer_offsets, …)" };
}
