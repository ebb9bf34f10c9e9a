using Confluent.Kafka;

namespace KafkaDemo.Consumer;

/// <summary>
/// Turns a run's options into the <see cref="ConsumerConfig"/> of each consumer instance: our
/// defaults (the options' values among them), then the user's client properties (config file,
/// <c>KAFKA_X_*</c>, <c>-X</c>, then the flags the user gave, merged in that order by
/// <see cref="Cli.ClientOptions"/>). The instances, the start-up check, <c>lag</c> and the
/// DLQ all read their settings from it.
/// </summary>
public static class ConsumerConfigFactory
{
    /// <summary>Builds instance <paramref name="instance"/>'s configuration; pure, testable without a broker.</summary>
    public static ConsumerConfig Create(ConsumerOptions options, int instance = 1)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = options.GroupId,
            ClientId = $"kafkademo-consumer-{instance}",
            // Where a partition has no committed offset; "committed" refuses to guess.
            AutoOffsetReset = WhereToStartWithoutCommit(options.From.Kind),
            // Stored offsets are committed in the background every 5 s and on Close().
            EnableAutoCommit = true,
            // After-processing stores each offset by hand once its message was handled.
            EnableAutoOffsetStore = options.Commit == CommitMode.Auto,
            // librdkafka postpones a partition's next fetch by this much once its local queue is
            // full; at the default (1 s) a reader that keeps up sits idle, waiting for it.
            FetchQueueBackoffMs = 100,
            // --exit-at-end learns from these events that a partition has nothing more to read,
            // which no message could tell for an empty partition.
            EnablePartitionEof = options.ExitAtEnd,
            // A partition at its end is told so only when a fetch's long poll expires (500 ms by
            // default), which would hold --exit-at-end back that long for an empty partition;
            // a shorter poll costs a run that stops at the end nothing.
            FetchWaitMaxMs = options.ExitAtEnd ? 50 : null,
            // librdkafka's default, said out loud (the Java client's is read_uncommitted): messages of
            // aborted or still-open transactions are not shown as if they had happened.
            IsolationLevel = IsolationLevel.ReadCommitted,
            // As in the Producer (see ProducerConfigFactory): the group coordinator's connection
            // does not wait a whole backoff behind the bootstrap one.
            ReconnectBackoffMs = 20,
            // The consumer lag metric comes from librdkafka's statistics; without metrics none are made.
            StatisticsIntervalMs = options.Telemetry.Metrics ? 5000 : null,
        };

        foreach (var (name, value) in options.ClientSettings)
        {
            config.Set(name, value);
        }

        return config;
    }

    /// <summary>Where a partition without a committed offset starts for <paramref name="kind"/>; "committed" refuses to guess.</summary>
    public static AutoOffsetReset WhereToStartWithoutCommit(StartKind kind) => kind switch
    {
        StartKind.Latest => AutoOffsetReset.Latest,
        StartKind.Committed => AutoOffsetReset.Error,
        _ => AutoOffsetReset.Earliest,
    };
}
