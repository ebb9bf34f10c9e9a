using Confluent.Kafka;
using KafkaDemo.Common.Partitioning;

namespace KafkaDemo.Producer;

/// <summary>
/// Turns a run's options into the one <see cref="ProducerConfig"/> its client uses: our defaults
/// (the options' values among them), then the user's client properties (config file,
/// <c>KAFKA_X_*</c>, <c>-X</c>, then the flags the user gave, merged in that order by
/// <see cref="Cli.ClientOptions"/>). Everything after reads the address, the message timeout and
/// the rest from this config, never from the options again.
/// </summary>
public static class ProducerConfigFactory
{
    /// <summary>librdkafka's own message.timeout.ms, for a config that leaves it unset.</summary>
    public static readonly TimeSpan LibrdkafkaDefaultMessageTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Builds the configuration; pure, so it can be read and tested without a broker.</summary>
    public static ProducerConfig Create(ProducerOptions options)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = options.BootstrapServers,
            // A message counts as delivered only once every in-sync replica has it.
            Acks = Acks.All,
            // Retries after a lost response can neither duplicate nor reorder a message.
            EnableIdempotence = true,
            // Bounds how long a message may stay unacknowledged, so an unreachable or stuck
            // cluster ends in reported failures instead of librdkafka's default five minutes.
            MessageTimeoutMs = (int)options.DeliveryTimeout.TotalMilliseconds,
            // Bounds memory: every queued message also holds managed objects until its delivery
            // report; past this, Produce reports Local_QueueFull and the sender waits (never drops).
            QueueBufferingMaxMessages = 20_000,
            // Delivery reports are served where the messages are produced (DeliveryReportPoller),
            // not on Confluent.Kafka's background poll thread, which costs a cross-thread wake-up
            // per batch of reports.
            EnableBackgroundPoll = false,
            // Should -X turn the background poll back on, disposing waits for its current turn:
            // this long rather than 100 ms.
            CancellationDelayMaxMs = 10,
            // librdkafka opens a connection "to any broker" at most every reconnect.backoff.ms / 2,
            // so right after the bootstrap connection the first produce waits that long for the
            // leader's; after a failure, reconnects still back off exponentially up to 10 s.
            ReconnectBackoffMs = 20,
        };

        // Through the same name a --partitioner the user gave is written with (see ProducerCommandDefinition).
        config.Set("partitioner", LibrdkafkaPartitioner(options.Partitioner));
        foreach (var (name, value) in options.ClientSettings)
        {
            config.Set(name, value);
        }

        // The delivery line needs only the outcome; partition and offset always come back.
        config.DeliveryReportFields = "status";
        return config;
    }

    /// <summary>
    /// librdkafka's partitioner for <paramref name="kind"/>: murmur2 is the Java client's, so .NET
    /// and Java producers put a key in the same place; uuid-modulo falls back to it for keys that
    /// are not UUIDs.
    /// </summary>
    public static string LibrdkafkaPartitioner(PartitionerKind kind) => kind == PartitionerKind.Crc32 ? "consistent_random" : "murmur2_random";

    /// <summary>
    /// How long the final flush waits for outstanding deliveries: the message timeout the client
    /// really has (whichever layer set it), plus a margin for the last reports to arrive; null when
    /// message.timeout.ms is 0, librdkafka's "no limit".
    /// </summary>
    public static TimeSpan? FlushLimit(ProducerConfig config) => config.MessageTimeoutMs switch
    {
        0 => null,
        { } ms => TimeSpan.FromMilliseconds(ms) + FlushMargin,
        null => LibrdkafkaDefaultMessageTimeout + FlushMargin,
    };

    private static readonly TimeSpan FlushMargin = TimeSpan.FromSeconds(5);
}
