using Confluent.Kafka;
using KafkaDemo.Cli;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer;

/// <summary>
/// The producers the Consumer runs beside its consumers (the dead-letter queue's, the copy's). Their
/// configs carry the consumer's client settings, so the connection (TLS, SASL) is the same.
/// </summary>
internal static class SideProducer
{
    /// <summary>Builds a producer from <paramref name="config"/>, logging through <paramref name="logger"/>.</summary>
    public static IProducer<byte[], byte[]> Build(ProducerConfig config, ILogger logger) =>
        new ProducerBuilder<byte[], byte[]>(config)
            // The settings are the consumer's; librdkafka warns about each consumer-only property.
            .SetLogHandler((_, m) =>
            {
                if (m.Facility != "CONFWARN")
                {
                    ConsoleLogging.Forward(logger, m);
                }
            })
            .Build();
}
