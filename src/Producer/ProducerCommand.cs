using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Common.Events;
using KafkaDemo.Common.Partitioning;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Producer;

/// <summary>Builds the Producer's command line and turns a parse into a <see cref="ProducerOptions"/> run.</summary>
public static class ProducerCommand
{
    /// <summary>Default number of events: three of each event type.</summary>
    public const int DefaultCount = 9;

    /// <summary>Default time a message may wait for its acknowledgement.</summary>
    public static readonly TimeSpan DefaultDeliveryTimeout = TimeSpan.FromSeconds(30);

    private static readonly string[] s_keyStrategies = ["event-type", "none", "uuid", "fixed"];

    /// <summary>The root command; <paramref name="environment"/> supplies the env fallbacks (the process environment by default).</summary>
    /// <param name="environment">Looks up one environment variable.</param>
    /// <param name="variables">All environment variables, for <c>KAFKA_X_*</c>; the process's when <paramref name="environment"/> is not given either.</param>
    public static RootCommand Create(Func<string, string?>? environment = null, IEnumerable<KeyValuePair<string, string?>>? variables = null)
    {
        variables ??= environment is null ? EnvironmentFallback.ProcessVariables() : [];
        environment ??= EnvironmentFallback.Process;

        var bootstrapServers = ConnectionOptions.BootstrapServers(environment);
        var topic = ConnectionOptions.Topic("Topic to produce to", environment);
        var count = new Option<int>("--count", "-n") { Description = "Number of note events to send (0: until Ctrl+C)" }
            .Within(0, int.MaxValue, DefaultCount);
        var interval = new Option<TimeSpan?>("--interval") { Description = "Pause between messages, e.g. 500ms (default: none, as fast as possible)", HelpName = "duration" }
            .ParsedAsDuration();
        var rate = new Option<double?>("--rate") { Description = "Messages per second across all threads (instead of --interval)", HelpName = "per-second" };
        var format = new Option<string>("--format", "-f") { Description = "Encoding of generated events: json (application/json), text (text/plain) or protobuf (application/x-protobuf)", DefaultValueFactory = _ => "json" }
            .AcceptOnlyFromAmong("json", "text", "protobuf");
        var keyStrategy = new Option<string>("--key-strategy") { Description = "Message key: the event type, none, a fresh uuid per message, or a fixed key (--key)", DefaultValueFactory = _ => "event-type" }
            .AcceptOnlyFromAmong(s_keyStrategies);
        var key = new Option<string?>("--key", "-k") { Description = "Fixed key for every message (implies --key-strategy fixed)", HelpName = "text" };
        var partition = new Option<int?>("--partition", "-p") { Description = "Send every message to this partition, bypassing the partitioner", HelpName = "n" };
        var partitioner = new Option<string>("--partitioner") { Description = "Key-to-partition mapping: murmur2 (the Java client's), crc32 (librdkafka's default) or uuid-modulo", DefaultValueFactory = _ => "murmur2" }
            .AcceptOnlyFromAmong([.. KeyPartitioner.Names]);
        var acks = new Option<string>("--acks") { Description = "Acknowledgements to wait for: all (every in-sync replica), 1 (the leader) or 0 (none; needs --idempotence false)", DefaultValueFactory = _ => "all" }
            .AcceptOnlyFromAmong("all", "1", "0");
        var idempotence = new Option<string>("--idempotence") { Description = "Idempotent producer: retries cannot duplicate or reorder messages (needs --acks all)", DefaultValueFactory = _ => "true" }
            .AcceptOnlyFromAmong("true", "false");
        var lingerMs = new Option<int>("--linger-ms") { Description = "How long to wait to fill a batch before sending it" }.Within(0, 900_000, 5);
        var compression = new Option<string>("--compression") { Description = "Batch compression codec", DefaultValueFactory = _ => "none" }
            .AcceptOnlyFromAmong("none", "gzip", "snappy", "lz4", "zstd");
        var headers = new Option<KeyValuePair<string, string>[]>("--header", "-H") { Description = "Header added to every message as name=value (repeatable)", HelpName = "name=value" }
            .ParsedAsPairs();
        var threads = new Option<int>("--threads") { Description = "Threads producing concurrently through one shared producer" }.Within(1, 64, 1);
        var deliveryTimeout = new Option<TimeSpan>("--delivery-timeout") { Description = "How long a message may wait for its acknowledgement before it counts as failed", HelpName = "duration" }
            .ParsedAsDuration(DefaultDeliveryTimeout, minimum: TimeSpan.FromMilliseconds(100));
        var connectTimeout = new Option<TimeSpan>("--connect-timeout") { Description = "How long to wait for the first answer from the cluster before giving up", HelpName = "duration" }
            .ParsedAsDuration(TimeSpan.FromSeconds(10), minimum: TimeSpan.FromMilliseconds(100));
        var input = new Option<string?>("--input", "-i") { Description = "Send one message per line of this file ('-': stdin) instead of generated events", HelpName = "file" }
            .ExistingFileOrStdin();
        var inputFormat = new Option<string>("--input-format") { Description = "lines (the line is the value) or jsonl (envelopes written by the Consumer's --output jsonl)", DefaultValueFactory = _ => "lines" }
            .AcceptOnlyFromAmong("lines", "jsonl");
        var keySeparator = new Option<string?>("--key-separator") { Description = "With --input lines: the text before the first separator is the key", HelpName = "text" };
        var keepPartitions = new Option<bool>("--keep-partitions") { Description = "With --input-format jsonl: produce each message to the partition it was read from" };
        var createTopic = new Option<bool>("--create-topic") { Description = "Create the topic (--partitions, --replication-factor, --compact) if it does not exist" };
        var partitions = new Option<int>("--partitions") { Description = "Partition count for --create-topic and --explain-keys" }.Within(1, 100_000, 3);
        var replicationFactor = new Option<int>("--replication-factor") { Description = "Replicas per partition for --create-topic (-1: broker default)" }.Within(-1, 32_767, -1);
        var compact = new Option<bool>("--compact") { Description = "With --create-topic: cleanup.policy=compact (keeps the latest value per key)" };
        var explainKeys = new Option<string?>("--explain-keys") { Description = "Print the partition of each key under every partitioner and exit (partition count from --partitions or the topic)", HelpName = "k1,k2,…" };
        var sequenceHeader = new Option<string?>("--sequence-header") { Description = "Stamp each message with this header holding its sequence number (event id or input line), to check delivery end to end", HelpName = "name" };
        var logging = LoggingOptions.Create("No line per delivery, and only warnings and errors in the logs: a progress line every 5 s, then the summary");
        var quiet = logging.Quiet;
        var configFile = ClientSettings.ConfigFileOption();
        var properties = ClientSettings.PropertyOption();

        var root = new RootCommand("Sends note events (or lines of a file) to a Kafka topic and reports each delivery.")
        {
            bootstrapServers, topic, count, interval, rate, format, keyStrategy, key, partition, partitioner,
            acks, idempotence, lingerMs, compression, headers, threads, deliveryTimeout, connectTimeout,
            input, inputFormat, keySeparator, keepPartitions, createTopic, partitions, replicationFactor, compact,
            explainKeys, sequenceHeader, configFile, properties,
        };
        logging.AddTo(root);

        root.Validators.Add(result =>
        {
            if (result.GetResult(interval) is not null && result.GetResult(rate) is not null)
            {
                result.AddError("Give either --interval or --rate, not both.");
            }

            if (result.GetValue(rate) is { } perSecond && !(perSecond > 0 && perSecond <= 1_000_000))
            {
                result.AddError("--rate must be more than 0 and at most 1000000.");
            }

            if (result.GetValue(partition) is < 0)
            {
                result.AddError("--partition must be 0 or more.");
            }

            if (result.GetValue(keyStrategy) == "fixed" && result.GetResult(key) is null)
            {
                result.AddError("--key-strategy fixed needs --key.");
            }

            if (result.GetResult(key) is not null && result.GetResult(keyStrategy) is { Implicit: false } && result.GetValue(keyStrategy) != "fixed")
            {
                result.AddError("--key gives a fixed key; it cannot be combined with another --key-strategy.");
            }
        });

        root.SetAction(async (parsed, cancellationToken) =>
        {
            var file = parsed.GetValue(configFile) is { } path ? PropertiesFile.Load(path) : [];
            var typed = new List<KeyValuePair<string, string>>();
            void IfTyped(Option option, string property, string value)
            {
                if (ClientSettings.WasTyped(parsed, option))
                {
                    typed.Add(KeyValuePair.Create(property, value));
                }
            }

            var bootstrap = parsed.GetRequiredValue(bootstrapServers);
            if (ClientSettings.WasTyped(parsed, bootstrapServers) || !string.IsNullOrWhiteSpace(environment("KAFKA_BOOTSTRAP_SERVERS")))
            {
                typed.Add(KeyValuePair.Create("bootstrap.servers", bootstrap));
            }

            IfTyped(acks, "acks", parsed.GetRequiredValue(acks));
            IfTyped(idempotence, "enable.idempotence", parsed.GetRequiredValue(idempotence));
            IfTyped(lingerMs, "linger.ms", parsed.GetValue(lingerMs).ToString(CultureInfo.InvariantCulture));
            IfTyped(compression, "compression.type", parsed.GetRequiredValue(compression));
            IfTyped(deliveryTimeout, "message.timeout.ms", ((int)parsed.GetValue(deliveryTimeout).TotalMilliseconds).ToString(CultureInfo.InvariantCulture));

            var settings = ClientSettings.Merge(file, ClientSettings.FromEnvironment(variables), parsed.GetValue(properties) ?? [], typed);
            var strategy = parsed.GetResult(key) is not null ? KeyStrategy.Fixed : ParseKeyStrategy(parsed.GetRequiredValue(keyStrategy));
            var options = new ProducerOptions(bootstrap, parsed.GetRequiredValue(topic), parsed.GetValue(count), parsed.GetValue(deliveryTimeout))
            {
                Interval = parsed.GetValue(rate) is { } perSecond ? TimeSpan.FromSeconds(1 / perSecond) : parsed.GetValue(interval),
                Format = Enum.Parse<NoteEventFormat>(parsed.GetRequiredValue(format), ignoreCase: true),
                KeyStrategy = strategy,
                FixedKey = parsed.GetValue(key),
                Partition = parsed.GetValue(partition),
                Partitioner = KeyPartitioner.Parse(parsed.GetRequiredValue(partitioner)),
                Headers = parsed.GetValue(headers) ?? [],
                Threads = parsed.GetValue(threads),
                ClientSettings = settings,
                Input = parsed.GetValue(input),
                InputFormat = parsed.GetRequiredValue(inputFormat) == "jsonl" ? InputFormat.Jsonl : InputFormat.Lines,
                KeySeparator = parsed.GetValue(keySeparator),
                KeepPartitions = parsed.GetValue(keepPartitions),
                CreateTopic = parsed.GetValue(createTopic)
                    ? new TopicCreation(parsed.GetValue(partitions), (short)parsed.GetValue(replicationFactor), parsed.GetValue(compact))
                    : null,
                ConnectTimeout = parsed.GetValue(connectTimeout),
                SequenceHeader = parsed.GetValue(sequenceHeader),
                Quiet = parsed.GetValue(quiet),
            };

            var stdout = parsed.InvocationConfiguration.Output;
            var stderr = parsed.InvocationConfiguration.Error;
            using var loggers = logging.CreateFactory(parsed);
            var logger = loggers.CreateLogger("Producer");

            if (parsed.GetValue(explainKeys) is { } keyList)
            {
                var partitionCount = ClientSettings.WasTyped(parsed, partitions)
                    ? parsed.GetValue(partitions)
                    : TopicPartitionCount(ProducerConfigFactory.Create(options), options.Topic, options.ConnectTimeout, stderr);
                return partitionCount is { } known ? ExplainKeys(keyList, known, options.Partitioner, stdout, stderr) : ExitCodes.Failure;
            }

            var producer = new NoteProducer(options, stdout, logger, logging.SummaryWriter(parsed));
            var summary = await producer.RunAsync(cancellationToken);
            return summary.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
        });
        return root;
    }

    private static KeyStrategy ParseKeyStrategy(string name) => name switch
    {
        "none" => KeyStrategy.None,
        "uuid" => KeyStrategy.Uuid,
        "fixed" => KeyStrategy.Fixed,
        _ => KeyStrategy.EventType,
    };

    private static int ExplainKeys(string keyList, int partitionCount, PartitionerKind inUse, TextWriter stdout, TextWriter stderr)
    {
        var keys = keyList.Split(',', StringSplitOptions.TrimEntries).ToList();
        foreach (var line in KeyExplanation.Render(keys, partitionCount, inUse))
        {
            stdout.WriteLine(line);
        }

        if (partitionCount == 1)
        {
            stderr.WriteLine("warning: with 1 partition every key lands in partition 0; keys only decide ordering once a topic has several partitions");
        }

        return ExitCodes.Success;
    }

    // Metadata through a producer handle: an AdminClient refuses the producer properties in config.
    private static int? TopicPartitionCount(ProducerConfig config, string topic, TimeSpan timeout, TextWriter stderr)
    {
        Metadata metadata;
        // Looking a topic up must not create it on a broker that auto-creates topics.
        config = new ProducerConfig(new Dictionary<string, string>(config)) { AllowAutoCreateTopics = false };
        try
        {
            using var producer = new ProducerBuilder<Null, Null>(config).SetLogHandler((_, _) => { }).SetErrorHandler((_, _) => { }).Build();
            using var admin = new DependentAdminClientBuilder(producer.Handle).Build();
            metadata = admin.GetMetadata(topic, timeout);
        }
        catch (KafkaException ex)
        {
            stderr.WriteLine($"error: cannot read the partition count of {topic} within {Durations.Format(timeout)}: {ex.Error.Reason} (or give --partitions N)");
            return null;
        }

        var found = metadata.Topics.SingleOrDefault(t => t.Topic == topic);
        if (found is null || found.Error.IsError || found.Partitions.Count == 0)
        {
            stderr.WriteLine($"error: topic {topic} was not found; give --partitions N to explain keys for a topic that does not exist yet");
            return null;
        }

        return found.Partitions.Count;
    }
}
