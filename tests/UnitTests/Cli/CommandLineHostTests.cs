using System.CommandLine;
using KafkaDemo.Cli;
using KafkaDemo.Consumer;
using KafkaDemo.LocalBroker;
using KafkaDemo.Producer;

namespace KafkaDemo.UnitTests.Cli;

public class CommandLineHostTests
{
    public static TheoryData<string, string[], string> UsageMistakes => new()
    {
        { "producer", ["--no-such-flag"], "Unrecognized command or argument '--no-such-flag'" },
        { "producer", ["--count", "many"], "many" },
        { "producer", ["--count", "-1"], "--count must be 0 or more." },
        { "producer", ["--delivery-timeout", "5x"], "'5x' is not a valid duration for --delivery-timeout" },
        { "producer", ["--delivery-timeout", "10ms"], "--delivery-timeout must be at least 100ms." },
        { "producer", ["--topic"], "--topic" },
        { "producer", ["--interval", "1s", "--rate", "5"], "Give either --interval or --rate, not both." },
        { "producer", ["--rate", "0"], "--rate must be more than 0" },
        { "producer", ["--partition", "-1"], "--partition must be 0 or more." },
        { "producer", ["--key-strategy", "fixed"], "--key-strategy fixed needs --key." },
        { "producer", ["--key", "k", "--key-strategy", "uuid"], "--key gives a fixed key" },
        { "producer", ["--format", "xml"], "'xml'" },
        { "producer", ["--partitioner", "random"], "'random'" },
        { "producer", ["--acks", "2"], "'2'" },
        { "producer", ["--compression", "brotli"], "'brotli'" },
        { "producer", ["--threads", "0"], "--threads must be between 1 and 64." },
        { "producer", ["-X", "linger.ms"], "-X expects name=value, not 'linger.ms'." },
        { "producer", ["--header", "=v"], "--header expects name=value" },
        { "producer", ["--idempotence", "maybe"], "Argument 'maybe' not recognized. Must be one of: 'true' 'false'" },
        { "producer", ["--partitions", "0"], "--partitions must be between 1 and 100000." },
        { "producer", ["--topic", ""], "--topic: a topic name cannot be empty." },
        { "producer", ["--topic", "has space"], "'has space' is not a legal topic name" },
        { "producer", ["--topic", new string('t', 300)], "a topic name has at most 249 characters, not 300" },
        { "producer", ["--bootstrap-servers", " "], "--bootstrap-servers cannot be empty." },
        { "producer", ["--count", "99999999999"], "'99999999999' is not a whole number for --count." },
        { "producer", ["--count", ""], "'' is not a whole number for --count." },
        { "producer", ["--linger-ms", "-5"], "--linger-ms must be between 0 and 900000." },
        { "producer", ["--delivery-timeout", "-1s"], "'-1s' is not a valid duration for --delivery-timeout" },
        { "producer", ["--input", "/no/such/input.txt"], "--input: no such file '/no/such/input.txt'." },
        { "producer", ["--config", "/no/such/client.properties"], "--config: no such file '/no/such/client.properties'." },
        { "producer", ["--config", "/etc"], "--config: no such file '/etc'." },
        { "producer", ["-X"], "-X" },
        { "producer", ["--count"], "--count" },
        { "producer", ["--null-marker", "NULL"], "--null-marker applies to --input with --input-format lines" },
        { "producer", ["--null-marker", "NULL", "--input", "-", "--input-format", "jsonl"], "--null-marker applies to --input with --input-format lines" },
        { "producer", ["--transaction-size", "5"], "--transaction-size needs --transactional-id." },
        { "producer", ["--transactional-id", "t", "--transaction-size", "-1"], "--transaction-size must be 0 or more." },
        { "producer", ["--transactional-id", " "], "--transactional-id cannot be empty." },
        { "producer", ["--transactional-id", "t", "--idempotence", "false", "--acks", "1"], "--transactional-id needs the idempotent producer" },
        { "producer", ["--transactional-id", "t", "--acks", "1"], "--transactional-id needs the idempotent producer" },
        { "producer", ["--transactional-id", "t", "--count", "0"], "--count 0 runs until Ctrl+C, which aborts the open transaction" },
        { "consumer", ["--store", "notes.db"], "--store: use sqlite:<path>, postgres://user:password@host:port/database or an Npgsql connection string." },
        { "consumer", ["--store", "Host=db;Password=hunter2;Colour=blue"], "--store: not a valid Npgsql connection string." },
        { "consumer", ["--store", "sqlite:n.db", "--commit", "auto"], "--store keeps its own offsets, written with the events: it cannot be combined with --commit auto." },
        { "consumer", ["--store", "sqlite:n.db", "--partition", "0"], "--store reads as a group" },
        { "consumer", ["store"], "error: store needs --store <target> (or CONSUMER_STORE)" },
        { "consumer", ["topics", "--output", "yaml"], "'yaml'" },
        { "consumer", ["--format", "%x"], "--format: unknown token '%x'" },
        { "consumer", ["reset-offsets", "--to", "banana"], "'banana' is not a target for --to" },
        { "consumer", ["reset-offsets"], "Option '--to' is required." },
        { "consumer", ["--isolation-level", "committed"], "'committed'" },
        { "consumer", ["--format", "%s", "--output", "jsonl"], "Give either --output or --format, not both." },
        { "consumer", ["--topic", "ok", "--topic", "not ok"], "'not ok' is not a legal topic name" },
        { "consumer", ["--group-id", ""], "--group-id cannot be empty." },
        { "consumer", ["--dlq-topic", "bad/dlq"], "--dlq-topic: 'bad/dlq' is not a legal topic name" },
        { "consumer", ["--max-messages", "1e3"], "'1e3' is not a whole number for --max-messages." },
        { "consumer", ["--config", "/no/such/client.properties"], "--config: no such file" },
        { "consumer", ["--from", "yesterday"], "'yesterday' is not a start position for --from" },
        { "consumer", ["--until", "soon"], "'soon' is not a bound for --until: use an offset, +<count>, an ISO 8601 time or -<duration>." },
        { "consumer", ["--until", "@ten"], "'@ten' is not a bound for --until: after @ comes an offset, a whole number." },
        { "consumer", ["--until", "+0"], "--until +<count> must be 1 or more." },
        { "consumer", ["--until", "+5", "--commit", "auto"], "--until needs --commit after-processing" },
        { "consumer", ["--tail", "-5"], "--tail must be 0 or more." },
        { "consumer", ["--tail", "five"], "'five' is not a whole number for --tail." },
        { "consumer", ["--tail", "5", "--from", "latest"], "Give either --tail or --from, not both." },
        { "producer", ["--log-format", "xml"], "'xml'" },
        { "producer", ["-q", "-v"], "Give either --quiet or --verbose, not both." },
        { "consumer", ["--quiet", "--verbose"], "Give either --quiet or --verbose, not both." },
        { "consumer", ["--assign", "notes"], "--assign: 'notes' is not topic:partition[@offset]." },
        { "consumer", ["--assign", "notes:1@x"], "'x' in 'notes:1@x' is not an offset" },
        { "consumer", ["--assign", "t:1", "--partition", "2"], "Give either --assign or --partition, not both." },
        { "consumer", ["--partition", "1", "--instances", "2"], "--instances needs a group" },
        { "consumer", ["--commit", "sometimes"], "'sometimes'" },
        { "consumer", ["--output", "xml"], "'xml'" },
        { "consumer", ["--instances", "0"], "--instances must be between 1 and 64." },
        { "consumer", ["lag", "--bogus"], "Unrecognized command or argument '--bogus'" },
        { "consumer", ["--max-messages", "-3"], "--max-messages must be 0 or more." },
        { "consumer", ["--idle-timeout", "later"], "'later' is not a valid duration for --idle-timeout" },
        { "consumer", ["stray-argument"], "Unrecognized command or argument 'stray-argument'" },
        { "consumer", ["--value-encoding", "utf16"], "Argument 'utf16' not recognized. Must be one of: 'text' 'hex' 'base64'" },
        { "consumer", ["--key-encoding", "b64"], "'b64'" },
        { "producer", ["--value-encoding", "hexa", "-i", "-"], "'hexa'" },
        { "producer", ["--value-encoding", "hex"], "--value-encoding applies to --input with --input-format lines" },
        { "producer", ["--value-encoding", "base64", "-i", "-", "--input-format", "jsonl"], "--value-encoding applies to --input with --input-format lines" },
        { "producer", ["--key-encoding", "hex", "-i", "-"], "--key-encoding reads the key before --key-separator: give --key-separator." },
        { "producer", ["--key-encoding", "hex", "-i", "-", "--key-separator", ":", "--schema-registry", "http://r", "--key-schema-id", "3"], "--key-encoding sends the key's bytes as they are" },
        { "producer", ["--value-encoding", "hex", "-i", "-", "--schema-registry", "http://r", "--value-schema-id", "3"], "--value-encoding sends the value's bytes as they are" },
        { "producer", ["--parse-headers"], "--parse-headers applies to --input with --input-format lines" },
        { "producer", ["--headers-separator", ";", "-i", "-"], "--headers-separator needs --parse-headers." },
        { "producer", ["--parse-headers", "-i", "-", "--headers-delimiter", ""], "--headers-delimiter cannot be empty." },
        { "producer", ["--parse-headers", "-i", "-", "--headers-separator", ":"], "--headers-separator and --headers-key-separator cannot be the same text." },
        { "producer", ["--parse-headers", "-i", "-", "--null-marker", ","], "--null-marker and --headers-separator cannot be the same text." },
        { "consumer", ["copy"], "copy needs --to-topic <name>, or --redrive" },
        { "consumer", ["copy", "--to-topic", "t", "--redrive"], "Give either --to-topic or --redrive, not both." },
        { "consumer", ["copy", "-t", "a", "--to", "a"], "--to-topic a is a topic the copy reads: it would copy its own copies." },
        { "consumer", ["copy", "--to-topic", "has space"], "'has space' is not a legal topic name" },
        { "consumer", ["copy", "--to-topic", "t", "--transactional-id", " "], "--transactional-id cannot be empty." },
        { "consumer", ["copy", "--to-topic", "t", "--store", "sqlite:n.db"], "copy does not take --store" },
        { "consumer", ["--instances", "2", "copy", "--to-topic", "t"], "copy does not take --instances" },
        { "consumer", ["--commit", "auto", "copy", "--to-topic", "t"], "copy does not take --commit" },
        { "consumer", ["--dlq-topic", "d", "copy", "--to-topic", "t"], "copy does not take --dlq-topic" },
        { "consumer", ["copy", "--to-topic", "t", "--output", "jsonl"], "Unrecognized command or argument '--output'" },
        { "consumer", ["copy", "--to-topic", "t", "--assign", "t2:1", "-p", "2"], "Give either --assign or --partition, not both." },
        { "consumer", ["copy", "--to-topic", "t", "--tail", "3", "--from", "latest"], "Give either --tail or --from, not both." },
        { "consumer", ["copy", "--to-topic", "t", "--filter", "key~("], "--filter 'key~(': not a regular expression" },
        { "localbroker", ["--brokers", "0"], "--brokers must be between 1 and 16." },
        { "localbroker", ["--topic", "bad/name:3"], "'bad/name' is not a legal topic name" },
        { "localbroker", ["--topic", "notes:zero"], "'zero' is not a partition count" },
    };

    [Fact]
    public async Task A_store_from_the_environment_cannot_be_combined_with_commit_auto_either()
    {
        var environment = CommandLine.Environment(("CONSUMER_STORE", "sqlite:notes.db"));

        var (exitCode, _, error) = await CommandLine.RunAsync(ConsumerCommand.Create(environment), "--commit", "auto");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--store keeps its own offsets", error);
    }

    [Fact]
    public async Task Help_shows_a_store_from_the_environment_with_its_password_masked()
    {
        var environment = CommandLine.Environment(("CONSUMER_STORE", "postgres://app:hunter2@db/notes"));

        var (_, output, _) = await CommandLine.RunAsync(ConsumerCommand.Create(environment), "--help");

        Assert.Contains("[default: postgres://app:***@db:5432/notes]", output);
        Assert.DoesNotContain("hunter2", output);
    }

    [Theory]
    [InlineData("--store", "Host=db;Password=hunter2;Colour=blue")]
    [InlineData("--store", "postgres://app:hunter2@db:5432/notes", "--commit", "auto")]
    public async Task A_store_target_that_is_refused_never_shows_its_password(params string[] args)
    {
        var (exitCode, output, error) = await CommandLine.RunAsync(ConsumerCommand.Create(CommandLine.Environment()), args);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.DoesNotContain("hunter2", output + error);
    }

    [Theory]
    [MemberData(nameof(UsageMistakes))]
    public async Task A_usage_mistake_exits_2_with_one_line_naming_it_and_no_stack_trace(string program, string[] args, string expected)
    {
        var command = program switch
        {
            "producer" => ProducerCommand.Create(CommandLine.Environment()),
            "consumer" => ConsumerCommand.Create(CommandLine.Environment()),
            _ => LocalBrokerCommand.Create(),
        };

        var (exitCode, output, error) = await CommandLine.RunAsync(command, args);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal(string.Empty, output);
        var lines = error.TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.Contains(expected, lines[0]);
        Assert.DoesNotContain("   at ", error);
    }

    [Theory]
    [InlineData("producer")]
    [InlineData("consumer")]
    public async Task A_broken_config_file_or_an_unknown_property_exits_2_with_one_line(string program)
    {
        var broken = Path.GetTempFileName();
        await File.WriteAllTextAsync(broken, "bootstrap.servers=localhost:9092\nthis line has no separator\n");
        RootCommand Command() => program == "producer" ? ProducerCommand.Create(CommandLine.Environment()) : ConsumerCommand.Create(CommandLine.Environment());

        var (brokenExit, _, brokenError) = await CommandLine.RunAsync(Command(), "--config", broken);
        var (unknownExit, _, unknownError) = await CommandLine.RunAsync(Command(), "-X", "no.such.property=1", "-b", "127.0.0.1:1");

        Assert.Equal((ExitCodes.Usage, ExitCodes.Usage), (brokenExit, unknownExit));
        Assert.Single(brokenError.TrimEnd().Split('\n'));
        Assert.Contains("line 2: expected key=value", brokenError);
        Assert.Single(unknownError.TrimEnd().Split('\n'));
        Assert.Contains("No such configuration property: \"no.such.property\"", unknownError);
    }

    [Fact]
    public async Task Help_goes_to_stdout_and_exits_0()
    {
        var (exitCode, output, error) = await CommandLine.RunAsync(ProducerCommand.Create(CommandLine.Environment()), "--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("--bootstrap-servers", output);
        Assert.Equal(string.Empty, error);
    }
}
