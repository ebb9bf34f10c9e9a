using KafkaDemo.Consumer;
using KafkaDemo.Consumer.Copy;

namespace KafkaDemo.UnitTests.Consumer.Copy;

public class CopyCommandTests
{
    private static ConsumerOptions Bind(Func<string, string?> environment, params string[] args)
    {
        var definition = new ConsumerCommandDefinition(environment, [], () => DateTimeOffset.UtcNow);
        var parsed = definition.Root.Parse(["copy", .. args]);
        Assert.Empty(parsed.Errors);
        return CopyCommand.Bind(definition, parsed);
    }

    [Fact]
    public void A_transactional_copy_reads_committed_data_and_leaves_the_commits_to_its_transactions()
    {
        var options = Bind(CommandLine.Environment(), "--to-topic", "t2", "--transactional-id", "job", "-X", "enable.auto.commit=true", "-X", "isolation.level=read_uncommitted");

        Assert.Equal(new CopyOptions("t2", "job"), options.Copy);
        Assert.Equal("read_committed", options.ClientSettings["isolation.level"]);
        Assert.Equal("false", options.ClientSettings["enable.auto.commit"]);
        Assert.Equal(CommitMode.AfterProcessing, options.Commit);
        Assert.Equal(1, options.Instances);
    }

    [Fact]
    public void A_copy_without_a_transactional_id_keeps_the_consumers_commits_and_ignores_a_store_from_the_environment()
    {
        var options = Bind(CommandLine.Environment(("CONSUMER_STORE", "sqlite:notes.db")), "--redrive", "--strip-dlq-headers", "--keep-partitions", "-g", "redriver");

        Assert.Equal(new CopyOptions(null, null) { Redrive = true, StripDeadLetterHeaders = true, KeepPartitions = true }, options.Copy);
        Assert.False(options.ClientSettings.ContainsKey("enable.auto.commit"));
        Assert.Null(options.Store);
        Assert.Equal("redriver", options.GroupId);
    }

    [Fact]
    public void The_reading_options_bind_as_for_the_root()
    {
        var options = Bind(CommandLine.Environment(), "--to", "t2", "-t", "t1", "--assign", "t1:2@5", "-n", "7", "--exit-at-end", "--idle-timeout", "3s", "-e", "note_created", "--from", "latest");

        Assert.Equal([new PartitionAssignment("t1", 2, 5)], options.Assignment);
        Assert.Equal((7, true, TimeSpan.FromSeconds(3), "note_created", StartKind.Latest),
            (options.MaxMessages, options.ExitAtEnd, options.IdleTimeout, options.EventType, options.From.Kind));
    }
}
