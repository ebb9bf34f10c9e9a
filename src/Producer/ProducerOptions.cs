using KafkaDemo.Clients;
using KafkaDemo.Common.Events;
using KafkaDemo.Common.Partitioning;
using KafkaDemo.Producer.Keys;
using KafkaDemo.Producer.SchemaRegistry;

namespace KafkaDemo.Producer;

/// <summary>Everything one Producer run was asked to do, fixed once parsing is over.</summary>
/// <param name="BootstrapServers">Comma-separated host:port list of brokers to contact first.</param>
/// <param name="Topic">Topic to produce to.</param>
/// <param name="Count">Number of events to generate; 0 generates until stopped. Ignored with <see cref="Input"/>.</param>
/// <param name="DeliveryTimeout">How long a message may wait for acknowledgement before it counts as failed.</param>
public sealed record ProducerOptions(
    string BootstrapServers,
    string Topic,
    int Count,
    TimeSpan DeliveryTimeout)
{
    /// <summary>Pause between two messages, across all threads; null sends as fast as possible.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>Encoding of generated events.</summary>
    public NoteEventFormat Format { get; init; } = NoteEventFormat.Json;

    /// <summary>How messages get their key.</summary>
    public KeyStrategy KeyStrategy { get; init; } = KeyStrategy.EventType;

    /// <summary>The key for <see cref="KeyStrategy.Fixed"/>.</summary>
    public string? FixedKey { get; init; }

    /// <summary>Send every message to this partition, bypassing the partitioner.</summary>
    public int? Partition { get; init; }

    /// <summary>How keys map to partitions.</summary>
    public PartitionerKind Partitioner { get; init; } = PartitionerKind.Murmur2;

    /// <summary>Extra headers on every message.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Threads producing concurrently through one shared producer instance.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Librdkafka properties from the config file, -X and typed flags, applied over the built-in defaults.</summary>
    public IReadOnlyDictionary<string, string> ClientSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Read messages from this file ("-" for stdin) instead of generating events.</summary>
    public string? Input { get; init; }

    /// <summary>How <see cref="Input"/> is read.</summary>
    public InputFormat InputFormat { get; init; } = InputFormat.Lines;

    /// <summary>With line input, the text before the first occurrence of this separator is the key.</summary>
    public string? KeySeparator { get; init; }

    /// <summary>
    /// With line input, a value equal to this text, or an empty value after the key separator, is
    /// sent as a null value (a tombstone, which makes a compacted topic drop the key); null: off.
    /// </summary>
    public string? NullMarker { get; init; }

    /// <summary>With line input, how each line's key and value are read: text (as UTF-8), hex or base64.</summary>
    public KafkaDemo.Common.Encodings.KeyValueEncodings Encodings { get; init; }

    /// <summary>With line input, where each line's headers are (<c>--parse-headers</c>); null: lines have none.</summary>
    public Sources.LineHeaderFormat? LineHeaders { get; init; }

    /// <summary>With envelope input, produce each message to the partition it came from.</summary>
    public bool KeepPartitions { get; init; }

    /// <summary>Create the topic this way when it does not exist; null leaves it to auto-creation.</summary>
    public TopicCreation? CreateTopic { get; init; }

    /// <summary>How long to wait for the first contact with the cluster before giving up.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>When set, every message carries a header of this name holding its sequence number.</summary>
    public string? SequenceHeader { get; init; }

    /// <summary>With a transactional.id: messages per transaction; 0 puts the whole run in one transaction.</summary>
    public int TransactionSize { get; init; }

    /// <summary>No line per delivery: a progress line every <see cref="ProgressInterval"/>, then the summary.</summary>
    public bool Quiet { get; init; }

    /// <summary>The schema registry (<c>--schema-registry</c>), or null.</summary>
    public SchemaRegistrySettings? SchemaRegistry { get; init; }

    /// <summary>The key schema asked for (<c>--key-schema</c>, <c>--key-schema-id</c>); null: keys are sent as they are.</summary>
    public SchemaChoice? KeySchema { get; init; }

    /// <summary>The value schema asked for (<c>--value-schema</c>, <c>--value-schema-id</c>, or the latest); null: values are sent as they are.</summary>
    public SchemaChoice? ValueSchema { get; init; }

    /// <summary>The encoders for <see cref="KeySchema"/> and <see cref="ValueSchema"/>, once the registry has given their ids.</summary>
    public SchemaEncoders? Encoders { get; init; }

    /// <summary>How often <see cref="Quiet"/> mode reports progress.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>What the run exports: traces, metrics (<c>--trace</c>, <c>--metrics-port</c>, <c>OTEL_*</c>); nothing by default.</summary>
    public KafkaDemo.Clients.Telemetry.TelemetrySettings Telemetry { get; init; } = KafkaDemo.Clients.Telemetry.TelemetrySettings.Off;
}
