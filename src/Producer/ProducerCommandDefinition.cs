using System.CommandLine;
using KafkaDemo.Cli;
using KafkaDemo.Common.Events;
using KafkaDemo.Common.Partitioning;
using KafkaDemo.Producer.Keys;
using KafkaDemo.Producer.SchemaRegistry;

namespace KafkaDemo.Producer;

/// <summary>
/// The Producer's options: names, descriptions, defaults, environment fallbacks and the checks
/// that span several of them. <see cref="ProducerCommand"/> binds a parse of them and runs it.
/// </summary>
public sealed class ProducerCommandDefinition
{
    /// <summary>Default number of events: three of each event type.</summary>
    public const int DefaultCount = 9;

    /// <summary>Default time a message may wait for its acknowledgement.</summary>
    public static readonly TimeSpan DefaultDeliveryTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Declares every option; <paramref name="environment"/> and <paramref name="variables"/> supply the env fallbacks.</summary>
    public ProducerCommandDefinition(Func<string, string?> environment, IEnumerable<KeyValuePair<string, string?>> variables)
    {
        Client = new ClientOptions(environment, variables);
        Topic = ConnectionOptions.Topic("Topic to produce to", environment);
        Root = new RootCommand($"Sends note events (or lines of a file) to a Kafka topic and reports each delivery. {EnvironmentFallback.Rule}")
        {
            Client.BootstrapServers, Topic, Count, Interval, Rate, Format, KeyStrategy, Key, Partition, Partitioner,
            Acks, Idempotence, LingerMs, Compression, Headers, Threads, DeliveryTimeout, ConnectTimeout,
            Input, InputFormat, KeySeparator, NullMarker, KeepPartitions, CreateTopic, Partitions, ReplicationFactor, Compact,
            TransactionalId, TransactionSize, ExplainKeys, SequenceHeader, Client.ConfigFile, Client.Properties, Telemetry.Trace, Telemetry.MetricsPort,
            ExplainKeysDefinition.Command,
        };
        Schemas = new ProducerSchemaOptions(environment);
        foreach (var option in Schemas.All.Concat(Encodings.All).Concat(LineHeaders.All))
        {
            Root.Options.Add(option);
        }

        // What explain-keys needs too: the partition count, the partitioner, the topic and the connection.
        foreach (var shared in new Option[] { Client.BootstrapServers, Topic, Partitions, Partitioner, ConnectTimeout, Client.ConfigFile, Client.Properties })
        {
            shared.Recursive = true;
        }

        // The flags that decide a client property; given, they win over --config and -X.
        Client.Decides(Acks, "acks", parsed => parsed.GetRequiredValue(Acks));
        Client.Decides(Idempotence, "enable.idempotence", parsed => parsed.GetRequiredValue(Idempotence));
        Client.Decides(LingerMs, "linger.ms", parsed => Invariant(parsed.GetValue(LingerMs)));
        Client.Decides(Compression, "compression.type", parsed => parsed.GetRequiredValue(Compression));
        Client.Decides(TransactionalId, "transactional.id", parsed => parsed.GetRequiredValue(TransactionalId));
        Client.Decides(DeliveryTimeout, "message.timeout.ms", parsed => Invariant((int)parsed.GetValue(DeliveryTimeout).TotalMilliseconds));
        Client.Decides(Partitioner, "partitioner", parsed => ProducerConfigFactory.LibrdkafkaPartitioner(Partitioner.ValueIn(parsed)));
        Logging.AddTo(Root);
        Root.Validators.Add(result => ProducerOptionChecks.Check(this, result));
        Root.Validators.Add(Schemas.Validate);
        Root.Validators.Add(result => Sources.LineInputChecks.Check(this, result));
        Client.Profiles.AddTo(Root, Schemas.Registry, Topic);
    }

    /// <summary>The root command, without actions until <see cref="ProducerCommand"/> sets them.</summary>
    public RootCommand Root { get; }

    /// <summary><c>explain-keys</c>, in Keys/.</summary>
    public ExplainKeysCommandDefinition ExplainKeysDefinition { get; } = new();

    public ClientOptions Client { get; }

    public Option<string> Topic { get; }

    public Option<int> Count { get; } = new Option<int>("--count", "-n") { Description = "Number of note events to send (0: until Ctrl+C)" }
        .Within(0, int.MaxValue, DefaultCount);

    public Option<TimeSpan?> Interval { get; } = new Option<TimeSpan?>("--interval") { Description = "Pause between messages, e.g. 500ms (default: none, as fast as possible)", HelpName = "duration" }
        .ParsedAsDuration();

    public Option<double?> Rate { get; } = new("--rate") { Description = "Messages per second across all threads (instead of --interval)", HelpName = "per-second" };

    public ChoiceOption<NoteEventFormat> Format { get; } = new("--format", ["-f"],
        "Encoding of generated events: json (application/json), text (text/plain) or protobuf (application/x-protobuf)", NoteEventFormat.Json);

    public ChoiceOption<KeyStrategy> KeyStrategy { get; } = new("--key-strategy", [],
        "Message key: the event type, none, a fresh uuid per message, or a fixed key (--key)", Keys.KeyStrategy.EventType);

    public Option<string?> Key { get; } = new("--key", "-k") { Description = "Fixed key for every message (implies --key-strategy fixed)", HelpName = "text" };

    public Option<int?> Partition { get; } = new("--partition", "-p") { Description = "Send every message to this partition, bypassing the partitioner", HelpName = "n" };

    public ChoiceOption<PartitionerKind> Partitioner { get; } = new("--partitioner", [],
        "Key-to-partition mapping: murmur2 (the Java client's), crc32 (librdkafka's default) or uuid-modulo", PartitionerKind.Murmur2);

    public Option<string> Acks { get; } = new Option<string>("--acks") { Description = "Acknowledgements to wait for: all (every in-sync replica), 1 (the leader) or 0 (none; needs --idempotence false)", DefaultValueFactory = _ => "all" }
        .AcceptOnlyFromAmong("all", "1", "0");

    public Option<string> Idempotence { get; } = new Option<string>("--idempotence") { Description = "Idempotent producer: retries cannot duplicate or reorder messages (needs --acks all)", DefaultValueFactory = _ => "true" }
        .AcceptOnlyFromAmong("true", "false");

    public Option<int> LingerMs { get; } = new Option<int>("--linger-ms") { Description = "How long to wait to fill a batch before sending it" }.Within(0, 900_000, 5);

    public Option<string> Compression { get; } = new Option<string>("--compression") { Description = "Batch compression codec", DefaultValueFactory = _ => "none" }
        .AcceptOnlyFromAmong("none", "gzip", "snappy", "lz4", "zstd");

    public Option<KeyValuePair<string, string>[]> Headers { get; } = new Option<KeyValuePair<string, string>[]>("--header", "-H") { Description = "Header added to every message as name=value (repeatable)", HelpName = "name=value" }
        .ParsedAsPairs();

    public Option<int> Threads { get; } = new Option<int>("--threads") { Description = "Threads producing concurrently through one shared producer" }.Within(1, 64, 1);

    public Option<TimeSpan> DeliveryTimeout { get; } = new Option<TimeSpan>("--delivery-timeout") { Description = "How long a message may wait for its acknowledgement before it counts as failed", HelpName = "duration" }
        .ParsedAsDuration(DefaultDeliveryTimeout, minimum: TimeSpan.FromMilliseconds(100));

    public Option<TimeSpan> ConnectTimeout { get; } = new Option<TimeSpan>("--connect-timeout") { Description = "How long to wait for the first answer from the cluster before giving up", HelpName = "duration" }
        .ParsedAsDuration(TimeSpan.FromSeconds(10), minimum: TimeSpan.FromMilliseconds(100));

    public Option<string?> Input { get; } = new Option<string?>("--input", "-i") { Description = "Send one message per line of this file ('-': stdin) instead of generated events", HelpName = "file" }
        .ExistingFileOrStdin();

    public ChoiceOption<InputFormat> InputFormat { get; } = new("--input-format", [],
        "lines (the line is the value) or jsonl (envelopes written by the Consumer's --output jsonl)", Producer.InputFormat.Lines);

    public Option<string?> KeySeparator { get; } = new("--key-separator") { Description = "With --input lines: the text before the first separator is the key", HelpName = "text" };

    public Option<string?> NullMarker { get; } = new("--null-marker")
    {
        Description = "With --input lines: send a line equal to this text, or an empty value after --key-separator, as a null value (a tombstone)",
        HelpName = "text",
    };

    public Option<bool> KeepPartitions { get; } = new("--keep-partitions") { Description = "With --input-format jsonl: produce each message to the partition it was read from" };

    public Option<bool> CreateTopic { get; } = new("--create-topic") { Description = "Create the topic (--partitions, --replication-factor, --compact) if it does not exist" };

    public Option<int> Partitions { get; } = new Option<int>("--partitions") { Description = "Partition count for --create-topic; explain-keys uses it, when given, instead of the topic's" }.Within(1, 100_000, 3);

    public Option<int> ReplicationFactor { get; } = new Option<int>("--replication-factor") { Description = "Replicas per partition for --create-topic (-1: broker default)" }.Within(-1, 32_767, -1);

    public Option<bool> Compact { get; } = new("--compact") { Description = "With --create-topic: cleanup.policy=compact (keeps the latest value per key)" };

    public Option<string> TransactionalId { get; } = new Option<string>("--transactional-id")
    {
        Description = "Send in transactions under this id: committed at the end, aborted on Ctrl+C, a failed message or a rejected input line",
        HelpName = "id",
    }.NotBlank();

    public Option<int> TransactionSize { get; } = new Option<int>("--transaction-size") { Description = "With --transactional-id: commit every n messages (0: the whole run is one transaction)", HelpName = "n" }
        .Within(0, int.MaxValue, 0);

    /// <summary>The flag spelling of <c>explain-keys</c>, kept so existing scripts work; not shown in --help.</summary>
    public Option<string?> ExplainKeys { get; } = new("--explain-keys") { Description = "Moved: use the explain-keys subcommand", HelpName = "k1,k2,…", Hidden = true };

    public Option<string?> SequenceHeader { get; } = new("--sequence-header") { Description = "Stamp each message with this header holding its sequence number (event id or input line), to check delivery end to end", HelpName = "name" };

    /// <summary><c>--trace</c> and <c>--metrics-port</c>.</summary>
    public TelemetryOptions Telemetry { get; } = new();

    /// <summary><c>--schema-registry</c> and the key and value schemas, in SchemaRegistry/.</summary>
    public ProducerSchemaOptions Schemas { get; }

    /// <summary><c>--key-encoding</c> and <c>--value-encoding</c>: how <c>--input</c> lines' keys and values are read.</summary>
    public EncodingOptions Encodings { get; } = EncodingOptions.ForInput();

    /// <summary><c>--parse-headers</c> and its separators, in Sources/.</summary>
    public Sources.LineHeaderOptions LineHeaders { get; } = new();

    public LoggingOptions Logging { get; } = LoggingOptions.Create("No line per delivery, and only warnings and errors in the logs: a progress line every 5 s, then the summary");

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

}
