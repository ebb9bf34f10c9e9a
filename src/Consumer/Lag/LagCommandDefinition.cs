using System.CommandLine;
using KafkaDemo.Cli;

namespace KafkaDemo.Consumer.Lag;

/// <summary>
/// <c>consumer lag</c>: takes no options of its own; the connection, the group and the topics are
/// the root's, shared with every subcommand. <see cref="LagCommand"/> runs it.
/// </summary>
public sealed class LagCommandDefinition
{
    /// <summary>The subcommand, without an action until <see cref="ConsumerCommand"/> sets one.</summary>
    public Command Command { get; } = new("lag",
        $"Print the group's committed offset, log-end offset and lag per partition of --topic (default: every topic the group has committed offsets for), then exit. {EnvironmentFallback.Rule}");
}
