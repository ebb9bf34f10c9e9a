using System.CommandLine;

namespace KafkaDemo.Consumer.Copy;

/// <summary>
/// <c>consumer copy</c>'s action: binds a parse of <see cref="CopyCommandDefinition"/> into a
/// Consumer run whose messages go to the copy's target instead of stdout, and runs it as the root
/// runs: the same group, assignment, start, stop conditions and filters, and the same exit codes.
/// </summary>
public static class CopyCommand
{
    /// <summary>Runs the copy a parse of <paramref name="root"/>'s <c>copy</c> subcommand asks for.</summary>
    public static Task<int> RunAsync(ConsumerCommandDefinition root, ParseResult parsed, CancellationToken cancellationToken) =>
        ConsumerCommand.RunAsync(root, parsed, Bind(root, parsed), cancellationToken);

    /// <summary>What a parse of <c>copy</c> binds to.</summary>
    internal static ConsumerOptions Bind(ConsumerCommandDefinition root, ParseResult parsed)
    {
        var d = root.CopyDefinition;
        var copy = new CopyOptions(parsed.GetValue(d.ToTopic), parsed.GetValue(d.TransactionalId))
        {
            Redrive = parsed.GetValue(d.Redrive),
            StripDeadLetterHeaders = parsed.GetValue(d.StripDeadLetterHeaders),
            KeepTimestamps = parsed.GetValue(d.KeepTimestamps),
            KeepPartitions = parsed.GetValue(d.KeepPartitions),
        };
        var options = ConsumerCommand.Bind(root, parsed);
        var settings = new Dictionary<string, string>(options.ClientSettings)
        {
            // A copy of an aborted transaction's messages would make them committed data.
            ["isolation.level"] = "read_committed",
        };
        if (copy.Transactional)
        {
            // The transactions commit the offsets; the consumer never does.
            settings["enable.auto.commit"] = "false";
        }

        // A store from CONSUMER_STORE is the plain run's; a copy writes to Kafka only.
        return options with { Copy = copy, ClientSettings = settings, Store = null };
    }
}
