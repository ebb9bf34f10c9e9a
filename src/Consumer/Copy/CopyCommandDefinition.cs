using System.CommandLine;
using System.CommandLine.Parsing;
using KafkaDemo.Cli;

namespace KafkaDemo.Consumer.Copy;

/// <summary>
/// <c>consumer copy</c>'s options: where the messages go (<c>--to-topic</c>, or <c>--redrive</c> back to
/// the topics a dead-letter queue's headers name), what is kept, and <c>--transactional-id</c> for
/// exactly once. It reads as the root does, so it takes the root's connection and topics (recursive)
/// and the reading options added here; <see cref="CopyCommand"/> runs a parse of them.
/// </summary>
public sealed class CopyCommandDefinition
{
    /// <summary>Declares the subcommand, sharing <paramref name="root"/>'s reading options.</summary>
    public CopyCommandDefinition(ConsumerCommandDefinition root)
    {
        Command = new Command("copy", $"Copy messages (key, value, headers) from the topics read to another topic, as they are; exactly once with --transactional-id, at least once without. {EnvironmentFallback.Rule}")
        {
            ToTopic, Redrive, StripDeadLetterHeaders, TransactionalId, KeepTimestamps, KeepPartitions,
            root.GroupId, root.From, root.Range.Until, root.Range.Tail, root.Partition, root.Assign, root.MaxMessages, root.ExitAtEnd, root.IdleTimeout,
            root.Filters.EventType, root.Filters.Filter,
        };
        root.Logging.AddTo(Command);
        // The root's checks run for the root only; the reading options here need them too.
        Command.Validators.Add(result => ConsumerOptionChecks.Check(root, result));
        Command.Validators.Add(result => Check(root, result));
        Command.Validators.Add(result => root.Range.Check(result, root.Commit));
    }

    /// <summary>The <c>copy</c> subcommand, without its action until <see cref="ConsumerCommand"/> sets it.</summary>
    public Command Command { get; }

    public Option<string?> ToTopic { get; } = new Option<string?>("--to-topic", "--to") { Description = "The topic to write to; it must exist", HelpName = "name" }
        .LegalTopics(name => name is null ? [] : [name]);

    public Option<bool> Redrive { get; } = new("--redrive")
    {
        Description = "Read a dead-letter topic our Consumer wrote and send each message back to the topic its dlq.source.topic header names (instead of --to-topic)",
    };

    public Option<bool> StripDeadLetterHeaders { get; } = new("--strip-dlq-headers")
    {
        Description = "Leave out the headers our dead-letter queue adds: dlq.error, dlq.source.topic, dlq.source.partition, dlq.source.offset",
    };

    public Option<string> TransactionalId { get; } = new Option<string>("--transactional-id")
    {
        Description = "Copy exactly once: each batch of copies and its source offsets in one transaction under this id (read-process-write); keep the id from run to run",
        HelpName = "id",
    }.NotBlank();

    public Option<bool> KeepTimestamps { get; } = new("--keep-timestamps") { Description = "Give each copy the source message's timestamp (default: the time of the copy)" };

    public Option<bool> KeepPartitions { get; } = new("--keep-partitions")
    {
        Description = "Write each message to the partition it was read from (with --redrive: the one its dlq.source.partition header names) instead of by its key",
    };

    // The root's options a copy cannot honour: each would change what is written or when offsets move.
    private void Check(ConsumerCommandDefinition root, CommandResult result)
    {
        var redrive = result.GetValue(Redrive);
        if (result.GetValue(ToTopic) is not { } to)
        {
            if (!redrive)
            {
                result.AddError("copy needs --to-topic <name>, or --redrive to send each message back to the topic it came from.");
            }
        }
        else if (redrive)
        {
            result.AddError("Give either --to-topic or --redrive, not both.");
        }
        else if (result.GetValue(root.Topics)?.Contains(to, StringComparer.Ordinal) == true)
        {
            result.AddError($"--to-topic {to} is a topic the copy reads: it would copy its own copies.");
        }

        foreach (var refused in new Option[] { root.Store, root.Instances, root.Commit, root.IsolationLevel, root.DeadLetterTopic, root.Output, root.Format })
        {
            if (result.GetResult(refused) is { Implicit: false })
            {
                result.AddError($"copy does not take {refused.Name}: it writes to Kafka, from one consumer, committing with what it wrote.");
                return;
            }
        }
    }
}
