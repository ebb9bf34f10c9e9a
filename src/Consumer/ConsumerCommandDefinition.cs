using System.CommandLine;
using KafkaDemo.Cli;
using KafkaDemo.Consumer.Processing;
using KafkaDemo.Consumer.Reset;
using KafkaDemo.Consumer.Store;
using KafkaDemo.Consumer.Topics;

namespace KafkaDemo.Consumer;

/// <summary>
/// The Consumer's options and its <c>lag</c> subcommand: names, descriptions, defaults,
/// environment fallbacks and the checks that span several options. <see cref="ConsumerCommand"/>
/// binds a parse of them and runs it.
/// </summary>
public sealed class ConsumerCommandDefinition
{
    /// <summary>Declares every option; <paramref name="environment"/> and <paramref name="variables"/> supply the env fallbacks.</summary>
    public ConsumerCommandDefinition(Func<string, string?> environment, IEnumerable<KeyValuePair<string, string?>> variables, Func<DateTimeOffset> clock)
    {
        Client = new ClientOptions(environment, variables);
        Topics = TopicListOption.Create("Topic to read (repeatable)", environment);
        _topicsFromEnvironment = !string.IsNullOrWhiteSpace(environment(TopicListOption.EnvironmentVariable));
        _storeFromEnvironment = !string.IsNullOrWhiteSpace(environment(StoreVariable));
        GroupId = new Option<string>("--group-id", "-g")
        {
            Description = "Consumer group to join; consumers sharing a group split the partitions between them",
            HelpName = "id",
        }.FallBackTo("KAFKA_GROUP_ID", "notes-consumer", environment).NotBlank();
        From = new Option<StartPosition>("--from")
        {
            Description = "Where to start: earliest, latest (where the group has no committed offset), committed, a time (2026-11-22T10:00:00Z, epoch ms) or a duration ago (-10m)",
            HelpName = "position",
            DefaultValueFactory = _ => StartPosition.Earliest,
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                var position = StartPosition.Parse(text, clock());
                if (position is null)
                {
                    result.AddError($"'{text}' is not a start position for --from: use earliest, latest, committed, a time, epoch milliseconds or -<duration>.");
                }

                return position ?? StartPosition.Earliest;
            },
        };

        Store = new Option<StoreTarget?>("--store")
        {
            Description = $"Keep consumed events, exactly once, with their offsets in sqlite:<path> or PostgreSQL (postgres://user:password@host:port/db, or an Npgsql connection string) [env: {StoreVariable}]",
            HelpName = "target",
            // Neither error quotes the value: it may hold a password.
            CustomParser = result => StoreTarget.Parse(result.Tokens[0].Value, out var error) ?? Rejected(result, $"--store: {error}."),
            DefaultValueFactory = result => environment(StoreVariable) is { } text && !string.IsNullOrWhiteSpace(text)
                ? StoreTarget.Parse(text, out var error) ?? Rejected(result, $"Environment variable {StoreVariable}: {error}.")
                : null,
        };

        // What lag needs too: the connection, the group and the topics.
        foreach (var shared in new Option[] { Client.BootstrapServers, Topics, ConnectTimeout, Client.ConfigFile, Client.Properties, Store })
        {
            shared.Recursive = true;
        }

        // The group is every subcommand's but store's, whose --group-id only narrows what it shows.
        foreach (var command in new[] { Lag, ListTopics, ResetOffsets })
        {
            command.Options.Add(GroupId);
        }

        ShowStore = new StoreCommandDefinition(Store, environment);

        Root = new RootCommand("Reads Kafka topics and prints each message: JSON and protobuf note events, plain text, anything.")
        {
            Client.BootstrapServers, Topics, GroupId, EventType, From, Partition, Assign, Instances, MaxMessages, ExitAtEnd, IdleTimeout,
            Commit, IsolationLevel, DeadLetterTopic, Output, Format, ConnectTimeout, Store, Client.ConfigFile, Client.Properties,
            Lag, ListTopics, ResetOffsets, ShowStore.Command,
        };
        ListTopics.Options.Add(ListingOutput);
        ListTopics.Options.Add(Internal);
        ResetTo = new Option<ResetTarget>("--to")
        {
            Description = "Where to move the group's offsets: earliest, latest, an offset (42), a shift (+10, -10), an ISO 8601 time or -<duration> (-1h)",
            HelpName = "target",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                var target = ResetTarget.Parse(text, clock());
                if (target is null)
                {
                    result.AddError($"'{text}' is not a target for --to: use earliest, latest, an offset, +N, -N, a time or -<duration>.");
                }

                return target!;
            },
        };
        ResetOffsets.Options.Add(ResetTo);
        ResetOffsets.Options.Add(Execute);
        Logging.AddTo(Root);
        Root.Validators.Add(Validate);
    }

    /// <summary>The root command, without actions until <see cref="ConsumerCommand"/> sets them.</summary>
    public RootCommand Root { get; }

    /// <summary><c>lag</c>: the group's committed offsets against the log end, per partition.</summary>
    public Command Lag { get; } = new("lag", "Print the group's committed offset, log-end offset and lag per partition of --topic (default: every topic the group has committed offsets for), then exit");

    /// <summary><c>topics</c>: the brokers, then every topic (or each --topic given) with its partitions.</summary>
    public Command ListTopics { get; } = new("topics", "List the brokers, then each topic (all, or the --topic options given) with its partitions: leader, replicas, in-sync replicas, low and high watermarks");

    /// <summary><c>reset-offsets</c>: move the group's committed offsets for every partition of the --topics.</summary>
    public Command ResetOffsets { get; } = new("reset-offsets", "Move the group's committed offsets on every partition of --topic: prints the plan, and applies it with --execute (the group must have no active members)");

    /// <summary><c>store</c>: what <c>--store</c> holds: the notes and the stored offsets.</summary>
    public StoreCommandDefinition ShowStore { get; }

    /// <summary>The environment variable <c>--store</c> falls back to.</summary>
    public const string StoreVariable = "CONSUMER_STORE";

    public Option<StoreTarget?> Store { get; }

    public Option<ResetTarget> ResetTo { get; }

    public Option<bool> Execute { get; } = new("--execute") { Description = "Apply the plan; without it, reset-offsets only prints it" };

    public ChoiceOption<ListingFormat> ListingOutput { get; } = new("--output", ["-o"], "text: aligned tables; json: one JSON document", ListingFormat.Text);

    public Option<bool> Internal { get; } = new("--internal") { Description = "Also list Kafka's internal topics (__consumer_offsets, …)" };

    public ClientOptions Client { get; }

    public Option<string[]> Topics { get; }

    /// <summary>True when the topics were named (typed, or in the environment) rather than left at the default.</summary>
    public bool TopicsNamed(ParseResult parsed) => _topicsFromEnvironment || ClientSettings.WasTyped(parsed, Topics);

    public Option<string> GroupId { get; }

    public Option<StartPosition> From { get; }

    public Option<TimeSpan> ConnectTimeout { get; } = new Option<TimeSpan>("--connect-timeout") { Description = "How long to wait for the first answer from the cluster before giving up", HelpName = "duration" }
        .ParsedAsDuration(TimeSpan.FromSeconds(10), minimum: TimeSpan.FromMilliseconds(100));

    public Option<string?> EventType { get; } = new("--event-type", "-e")
    {
        Description = "Show only events of this type (e.g. note_created); other messages are counted as filtered out",
        HelpName = "type",
    };

    public Option<int[]> Partition { get; } = new("--partition", "-p")
    {
        Description = "Read only this partition of each --topic, without joining the group (repeatable)",
        HelpName = "n",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Assign { get; } = new("--assign")
    {
        Description = "Read exactly these partitions without joining the group: topic:partition[@offset],…",
        HelpName = "list",
    };

    public Option<int> Instances { get; } = new Option<int>("--instances") { Description = "Consumers in the group inside this process, each on its own thread" }.Within(1, 64, 1);

    public Option<int> MaxMessages { get; } = new Option<int>("--max-messages", "-n") { Description = "Stop after this many messages, shown or filtered (0: no limit)", HelpName = "count" }
        .Within(0, int.MaxValue, 0);

    public Option<bool> ExitAtEnd { get; } = new("--exit-at-end")
    {
        Description = "Stop, exit 0, once every partition has been read to the end it had when assigned (in group mode too: all partitions of the topics, across every instance)",
    };

    public Option<TimeSpan?> IdleTimeout { get; } = new Option<TimeSpan?>("--idle-timeout") { Description = "Stop after this long without a message (e.g. 10s); by default wait for ever", HelpName = "duration" }
        .ParsedAsDuration();

    public ChoiceOption<CommitMode> Commit { get; } = new("--commit", [],
        "auto: offsets stored as messages are read (at most once); after-processing: stored once handled, committed on revocation and shutdown (at least once)",
        CommitMode.AfterProcessing);

    public Option<string> IsolationLevel { get; } = new Option<string>("--isolation-level")
    {
        Description = "read_committed: only messages of committed transactions (and every non-transactional one); read_uncommitted: aborted and open transactions' messages too",
        DefaultValueFactory = _ => "read_committed",
    }.AcceptOnlyFromAmong("read_committed", "read_uncommitted");

    public Option<string?> DeadLetterTopic { get; } = new Option<string?>("--dlq-topic") { Description = "Send messages that fail decoding or validation to this topic, with headers saying why and where from", HelpName = "name" }
        .LegalTopics(name => name is null ? [] : [name]);

    public ChoiceOption<OutputFormat> Output { get; } = new("--output", ["-o"],
        "pretty: one readable line per message; jsonl: one JSON envelope per message (replayable by the Producer); raw: the value only, one per line", OutputFormat.Pretty);

    public Option<MessageFormat?> Format { get; } = new("--format")
    {
        Description = "Write each message through a kcat-style format: %t %p %o %k %s %K %S %T %h %%, escapes \\n \\t \\r \\\\ (add \\n yourself), e.g. '%k\\t%s\\n'",
        HelpName = "format",
        CustomParser = result =>
        {
            var format = MessageFormat.Parse(result.Tokens[0].Value, out var error);
            if (format is null)
            {
                result.AddError($"--format: {error}.");
            }

            return format;
        },
    };

    public LoggingOptions Logging { get; } = LoggingOptions.Create("Only warnings and errors in the logs (no assignment lines); messages and the summary are still printed");

    private readonly bool _topicsFromEnvironment;
    private readonly bool _storeFromEnvironment;

    private static StoreTarget? Rejected(System.CommandLine.Parsing.ArgumentResult result, string error)
    {
        result.AddError(error);
        return null;
    }

    private void Validate(System.CommandLine.Parsing.CommandResult result)
    {
        if (result.GetResult(Assign) is not null && result.GetResult(Partition) is not null)
        {
            result.AddError("Give either --assign or --partition, not both.");
        }

        if (result.GetValue(Partition)?.Any(p => p < 0) == true)
        {
            result.AddError("--partition must be 0 or more.");
        }

        if (result.GetValue(Assign) is { } list && PartitionAssignment.ParseList(list, out var error) is null)
        {
            result.AddError($"--assign: {error}.");
        }

        if (result.GetResult(Format) is not null && result.GetResult(Output) is not null)
        {
            result.AddError("Give either --output or --format, not both.");
        }

        // Whether a store was given is read from the token or the environment: reading a value
        // that failed to parse would throw.
        var storeGiven = result.GetResult(Store) is { Implicit: false } || _storeFromEnvironment;
        if (storeGiven && result.GetResult(Commit) is not null && Commit.ValueIn(result) != CommitMode.AfterProcessing)
        {
            result.AddError("--store keeps its own offsets, written with the events: it cannot be combined with --commit auto.");
        }

        if (storeGiven && (result.GetResult(Assign) is not null || result.GetResult(Partition) is not null))
        {
            result.AddError("--store reads as a group, from the offsets it holds: it cannot be combined with --assign or --partition.");
        }

        if ((result.GetResult(Assign) is not null || result.GetResult(Partition) is not null) && result.GetValue(Instances) > 1)
        {
            result.AddError("--instances needs a group; it cannot be combined with --assign or --partition.");
        }
    }
}
