using System.CommandLine;
using KafkaDemo.Cli;

namespace KafkaDemo.Consumer.Store;

/// <summary>
/// <c>consumer store</c>'s options: which store to look at (the root's recursive <c>--store</c>,
/// given as for the run that wrote it) and a <c>--group-id</c> of its own, which only narrows the
/// offsets shown and so defaults to every group. <see cref="StoreCommand"/> runs a parse of them.
/// </summary>
public sealed class StoreCommandDefinition
{
    /// <summary>The variable <c>--group-id</c> falls back to, the one the root's <c>--group-id</c> reads.</summary>
    public const string GroupIdVariable = "KAFKA_GROUP_ID";

    /// <summary>Declares the subcommand; <paramref name="store"/> is the root's <c>--store</c>.</summary>
    public StoreCommandDefinition(Option<StoreTarget?> store, Func<string, string?> environment)
    {
        Store = store;
        GroupId = new Option<string?>("--group-id", "-g")
        {
            Description = "Show the stored offsets of this group only (default: every group)",
            HelpName = "id",
        }.FallBackTo<string?>(GroupIdVariable, null, environment, text => text);
        Command = new Command("store", "Print what --store holds: the number of stored events, the notes table, then the stored offsets per group and partition, then exit")
        {
            GroupId,
        };
    }

    /// <summary>The <c>store</c> subcommand, without its action until <see cref="ConsumerCommand"/> sets it.</summary>
    public Command Command { get; }

    /// <summary>The store to look at.</summary>
    public Option<StoreTarget?> Store { get; }

    /// <summary>The group whose offsets are shown; null for every group.</summary>
    public Option<string?> GroupId { get; }
}
