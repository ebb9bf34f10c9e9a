namespace KafkaDemo.Consumer;

/// <summary>Everything one Consumer run was asked to do, fixed once parsing is over.</summary>
/// <param name="BootstrapServers">Comma-separated host:port list of brokers to contact first.</param>
/// <param name="Topics">Topics to subscribe to (ignored with <see cref="Assignment"/>).</param>
/// <param name="GroupId">Consumer group; members of one group share the partitions.</param>
public sealed record ConsumerOptions(string BootstrapServers, IReadOnlyList<string> Topics, string GroupId)
{
    /// <summary>When set, only events of this type are shown; the rest count as filtered out.</summary>
    public string? EventType { get; init; }

    /// <summary>Only messages that pass all of these (and <see cref="EventType"/>) are shown; the rest count as filtered out.</summary>
    public IReadOnlyList<KafkaDemo.Common.Filtering.MessageFilter> Filters { get; init; } = [];

    /// <summary>Where to start reading.</summary>
    public StartPosition From { get; init; } = StartPosition.Earliest;

    /// <summary>Where each partition stops (<c>--until</c>); null: it does not.</summary>
    public Bounds.UntilBound? Until { get; init; }

    /// <summary>Stop after this many messages (shown or filtered); 0 means no limit.</summary>
    public int MaxMessages { get; init; }

    /// <summary>Stop once every partition has been read to the end it had when first assigned.</summary>
    public bool ExitAtEnd { get; init; }

    /// <summary>Stop after this long without a message; null means never.</summary>
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>Read exactly these partitions without a group rebalance; null subscribes to <see cref="Topics"/>.</summary>
    public IReadOnlyList<PartitionAssignment>? Assignment { get; init; }

    /// <summary>Consumers in the group inside this process, each on its own thread.</summary>
    public int Instances { get; init; } = 1;

    /// <summary>When offsets are stored.</summary>
    public CommitMode Commit { get; init; } = CommitMode.AfterProcessing;

    /// <summary>Topic for messages that fail decoding or validation; null prints them and goes on.</summary>
    public string? DeadLetterTopic { get; init; }

    /// <summary>How messages are written.</summary>
    public OutputFormat Output { get; init; } = OutputFormat.Pretty;

    /// <summary>A kcat-style format for each message; when set it replaces <see cref="Output"/>.</summary>
    public Processing.MessageFormat? Format { get; init; }

    /// <summary>How keys and values are written (<c>--key-encoding</c>, <c>--value-encoding</c>); text for both by default.</summary>
    public Common.Encodings.KeyValueEncodings Encodings { get; init; }

    /// <summary>Librdkafka properties from the config file, -X and typed flags, applied over the built-in defaults.</summary>
    public IReadOnlyDictionary<string, string> ClientSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>How long to wait for the first answer from the cluster before giving up.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The schema registry that decodes framed keys and values; null: frames are labelled with their schema id only.</summary>
    public KafkaDemo.Clients.SchemaRegistrySettings? SchemaRegistry { get; init; }

    /// <summary>Where consumed events are kept, exactly once, with their offsets; null: nowhere.</summary>
    public Store.StoreTarget? Store { get; init; }

    /// <summary>With <c>copy</c>, where the messages are written instead of shown; null: shown.</summary>
    public Copy.CopyOptions? Copy { get; init; }

    /// <summary>What the run exports: traces, metrics (<c>--trace</c>, <c>--metrics-port</c>, <c>OTEL_*</c>); nothing by default.</summary>
    public KafkaDemo.Clients.Telemetry.TelemetrySettings Telemetry { get; init; } = KafkaDemo.Clients.Telemetry.TelemetrySettings.Off;
}
