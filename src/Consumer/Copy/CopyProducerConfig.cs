using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer.Copy;

/// <summary>The copy's producer: the run's connection settings, with the settings a copy cannot do without.</summary>
internal static class CopyProducerConfig
{
    private static readonly TimeSpan s_messageTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Builds the producer <paramref name="copy"/> writes with.</summary>
    public static IProducer<byte[], byte[]> Build(CopyOptions copy, ConsumerOptions options, ILogger logger)
    {
        var config = new ProducerConfig
        {
            // A key lands where the Producer (and a Java client) would put it; -X partitioner=… still wins.
            Partitioner = Partitioner.Murmur2Random,
        };
        foreach (var (name, value) in options.ClientSettings)
        {
            config.Set(name, value);
        }

        config.BootstrapServers = options.BootstrapServers;
        config.ClientId = "kafkademo-copy";
        // A copy must neither lose a message on a retry nor write it twice: whatever the settings say.
        config.Acks = Acks.All;
        config.EnableIdempotence = true;
        config.TransactionalId = copy.TransactionalId;
        // Every checkpoint waits for what it sent, well within the time a rebalance allows.
        config.MessageTimeoutMs = (int)s_messageTimeout.TotalMilliseconds;
        // The consumer's thread serves the delivery reports when it flushes or commits, so no
        // background poll thread exists (as for the dead-letter queue's producer).
        config.EnableBackgroundPoll = false;
        return SideProducer.Build(config, logger);
    }
}
