using System.CommandLine;
using KafkaDemo.Cli;
using KafkaDemo.Consumer.Filters;
using KafkaDemo.Consumer.Bounds;
using KafkaDemo.Consumer.Copy;
using KafkaDemo.Consumer.Lag;
using KafkaDemo.Consumer.Processing;
using KafkaDemo.Consumer.Reset;
using KafkaDemo.Consumer.Store;
using KafkaDemo.Consumer.Topics;

namespace KafkaDemo.Consumer;

/// <summary>
/// The Consumer's root options: names, descriptions, defaults, environment fallbacks and the
/// checks that span several options; the connection, the group and the topics are shared with the
/// subcommands, whose own options are declared in their folders. <see cref="ConsumerCommand"/>
/// binds a parse of them and runs it.
/// </summary>
public sealed class ConsumerCommandDefinition
{
    /// <summary>Declares every option; <paramref name="environment"/> and <paramref name="variables"/> supply the env fallbacks.</summary>
    public ConsumerCommandDefinition(Func<string, string?> environment, IEnumerable<KeyValuePair<string, string?>> variables, Func<DateTimeOffset> clock)
    {
        Client = new ClientOptions(environment, variables);
        ResetOffsetsDefinition = new ResetOffsetsCommandDefinition(clock);
        Topics = TopicListOption.Create("Topic to read (repeatable)", environment);
        GroupId = new Option<string>("--group-id", "-g")
        {
            Description = "Consumer group to join; consumers sharing a group split the partitions between them",
            HelpName = "id",
        }.FallBackTo("KAFKA_GROUP_ID", "notes-consumer", environment).NotBlank();
        Range = new RangeOptions(clock);

        Store = StoreOption.Create(StoreVariable, environment);

        // What the subcommands need too: the connection, the topics and the store.
        foreach (var shared in new Option[] { Client.BootstrapServers, Topics, ConnectTimeout, Client.ConfigFile, Client.Properties, Store })
        {
            shared.Recursive = true;
        }

        // The group is every subcommand's but store's, whose --group-id only narrows what it shows.
        foreach (var command in new[] { LagDefinition.Command, TopicsDefinition.Command, ResetOffsetsDefinition.Command })
        {
            command.Options.Add(GroupId);
        }

        ShowStore = new StoreCommandDefinition(Store, environment);
        CopyDefinition = new CopyCommandDefinition(this);
        SchemaRegistry = new SchemaRegistryOptions(environment);
        Root = new RootCommand($"Reads Kafka topics and prints each message: JSON and protobuf note events, plain text, anything. {EnvironmentFallback.Rule}")
        {
            Client.BootstrapServers, Topics, GroupId, Filters.EventType, Filters.Filter, From, Range.Until, Range.Tail, Partition, Assign, Instances, MaxMessages, ExitAtEnd, IdleTimeout,
            Commit, IsolationLevel, DeadLetterTopic, Output, Format, ConnectTimeout, Store, Client.ConfigFile, Client.Properties,
            SchemaRegistry.Url, SchemaRegistry.Auth, SchemaRegistry.CaFile, Encodings.Key, Encodings.Value, Telemetry.Trace, Telemetry.MetricsPort,
            LagDefinition.Command, TopicsDefinition.Command, ResetOffsetsDefinition.Command, ShowStore.Command, CopyDefinition.Command,
        };

        // The flags that decide a client property; given, they win over --config and -X.
        Client.Decides(GroupId, "group.id", parsed => parsed.GetRequiredValue(GroupId));
        Client.Decides(From, "auto.offset.reset", parsed => ConsumerConfigFactory.WhereToStartWithoutCommit(parsed.GetRequiredValue(From).Kind).ToString().ToLowerInvariant());
        Client.Decides(Commit, "enable.auto.offset.store", parsed => Commit.ValueIn(parsed) == CommitMode.Auto ? "true" : "false");
        Client.Decides(ExitAtEnd, "enable.partition.eof", parsed => parsed.GetValue(ExitAtEnd) ? "true" : "false");
        Client.Decides(IsolationLevel, "isolation.level", parsed => parsed.GetRequiredValue(IsolationLevel));
        Logging.AddTo(Root);
        Client.Profiles.AddTo(Root, SchemaRegistry, Topics, GroupId);
        Root.Validators.Add(result => ConsumerOptionChecks.Check(this, result));
        Root.Validators.Add(result => Range.Check(result, Commit));
    }

    /// <summary>The root command, without actions until <see cref="ConsumerCommand"/> sets them.</summary>
    public RootCommand Root { get; }

    /// <summary><c>lag</c>, in Lag/.</summary>
    public LagCommandDefinition LagDefinition { get; } = new();

    /// <summary><c>topics</c>, in Topics/.</summary>
    public TopicsCommandDefinition TopicsDefinition { get; } = new();

    /// <summary><c>reset-offsets</c>, in Reset/.</summary>
    public ResetOffsetsCommandDefinition ResetOffsetsDefinition { get; }

    /// <summary><c>store</c>: what <c>--store</c> holds: the notes and the stored offsets.</summary>
    public StoreCommandDefinition ShowStore { get; }

    /// <summary><c>copy</c>, in Copy/.</summary>
    public CopyCommandDefinition CopyDefinition { get; }

    /// <summary>The environment variable <c>--store</c> falls back to.</summary>
    public const string StoreVariable = "CONSUMER_STORE";

    public Option<StoreTarget?> Store { get; }
    public EncodingOptions Encodings { get; } = EncodingOptions.ForOutput();

    public TelemetryOptions Telemetry { get; } = new();
    public ClientOptions Client { get; }

    /// <summary><c>--schema-registry</c>, <c>--schema-registry-auth</c>, <c>--schema-registry-ca</c>: the registry that decodes framed keys and values.</summary>
    public SchemaRegistryOptions SchemaRegistry { get; }

    public Option<string[]> Topics { get; }

    /// <summary>True when the topics were named (typed, or in the environment) rather than left at the default.</summary>
    public bool TopicsNamed(ParseResult parsed) => EnvironmentFallback.WasGiven(parsed, Topics);

    public Option<string> GroupId { get; }

    /// <summary><c>--from</c>, <c>--until</c>, <c>--tail</c>: where reading starts and stops, in Bounds/.</summary>
    public RangeOptions Range { get; }

    public Option<StartPosition> From => Range.From;

    public Option<TimeSpan> ConnectTimeout { get; } = new Option<TimeSpan>("--connect-timeout") { Description = "How long to wait for the first answer from the cluster before giving up", HelpName = "duration" }
        .ParsedAsDuration(TimeSpan.FromSeconds(10), minimum: TimeSpan.FromMilliseconds(100));

    /// <summary><c>--filter</c> and <c>--event-type</c>, in Filters/.</summary>
    public FilterOptions Filters { get; } = new();

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
        Description = "Write each message through a kcat-style format: %t %p %o %k %s %K %S %T %h %%, %i %I (value, key schema id), escapes \\n \\t \\r \\\\ (add \\n yourself), e.g. '%k\\t%s\\n'",
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
}
