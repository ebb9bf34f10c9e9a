using Confluent.Kafka;
using KafkaDemo.Consumer;
using KafkaDemo.Producer;

namespace KafkaDemo.UnitTests.Cli;

// Every flag that decides a client property, typed, against the same property set the other way
// by -X and by the --config file: the typed flag wins in both programs (the README's promise).
public class TypedFlagPrecedenceTests
{
    /// <summary>Program, the typed flag, the property it decides, what -X or the file says, what the client must get.</summary>
    public static readonly TheoryData<string, string[], string, string, string> Flags = new()
    {
        { "producer", ["--bootstrap-servers", "typed:9092"], "bootstrap.servers", "other:9092", "typed:9092" },
        { "producer", ["--acks", "1"], "acks", "all", "1" },
        { "producer", ["--idempotence", "false"], "enable.idempotence", "true", "false" },
        { "producer", ["--linger-ms", "20"], "linger.ms", "50", "20" },
        { "producer", ["--compression", "lz4"], "compression.type", "gzip", "lz4" },
        { "producer", ["--transactional-id", "typed"], "transactional.id", "other", "typed" },
        { "producer", ["--delivery-timeout", "7s"], "message.timeout.ms", "120000", "7000" },
        { "producer", ["--partitioner", "murmur2"], "partitioner", "consistent", "murmur2_random" },
        { "producer", ["--partitioner", "crc32"], "partitioner", "murmur2", "consistent_random" },
        { "consumer", ["--bootstrap-servers", "typed:9092"], "bootstrap.servers", "other:9092", "typed:9092" },
        { "consumer", ["--group-id", "typed"], "group.id", "other", "typed" },
        { "consumer", ["--from", "latest"], "auto.offset.reset", "earliest", "latest" },
        { "consumer", ["--from", "committed"], "auto.offset.reset", "earliest", "error" },
        { "consumer", ["--commit", "auto"], "enable.auto.offset.store", "false", "true" },
        { "consumer", ["--commit", "after-processing"], "enable.auto.offset.store", "true", "false" },
        { "consumer", ["--exit-at-end"], "enable.partition.eof", "false", "true" },
        { "consumer", ["--isolation-level", "read_uncommitted"], "isolation.level", "read_committed", "read_uncommitted" },
    };

    [Theory]
    [MemberData(nameof(Flags))]
    public void A_typed_flag_wins_over_X(string program, string[] flag, string property, string other, string expected)
    {
        Assert.Equal(expected, ConfigFor(program, ["-X", $"{property}={other}", .. flag]).Get(property));
    }

    [Theory]
    [MemberData(nameof(Flags))]
    public void A_typed_flag_wins_over_the_config_file(string program, string[] flag, string property, string other, string expected)
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, $"{property}={other}\n");
        try
        {
            Assert.Equal(expected, ConfigFor(program, ["--config", file, .. flag]).Get(property));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(Flags))]
    public void A_flag_left_at_its_default_leaves_the_property_to_X(string program, string[] flag, string property, string other, string expected)
    {
        _ = (flag, expected);
        Assert.Equal(other, ConfigFor(program, ["-X", $"{property}={other}"]).Get(property));
    }

    [Fact]
    public void The_table_covers_every_flag_either_program_declares_to_decide_a_property()
    {
        var declared = new ProducerCommandDefinition(CommandLine.Environment(), []).Client.Flags.Select(f => ("producer", f.Option.Name, f.Property))
            .Concat(new ConsumerCommandDefinition(CommandLine.Environment(), [], () => DateTimeOffset.UtcNow).Client.Flags.Select(f => ("consumer", f.Option.Name, f.Property)));
        var tested = Flags.Select(row => ((string)row[0], ((string[])row[1])[0], (string)row[2]));

        Assert.Equal(declared.Order().ToList(), tested.Distinct().Order().ToList());
    }

    private static ClientConfig ConfigFor(string program, string[] args) => program == "producer"
        ? ProducerConfigFactory.Create(ProducerCommand.Bind(args, CommandLine.Environment()))
        : ConsumerConfigFactory.Create(ConsumerCommand.Bind(args, CommandLine.Environment()));
}
