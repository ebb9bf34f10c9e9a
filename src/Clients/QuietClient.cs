using Confluent.Kafka;

namespace KafkaDemo.Clients;

/// <summary>
/// Short-lived clients that only ask the cluster questions (metadata, watermarks, committed
/// offsets): librdkafka's log and error callbacks are silenced, because the question's own
/// exception already says what went wrong, once.
/// </summary>
public static class QuietClient
{
    /// <summary>A consumer built from <paramref name="config"/>, for questions only.</summary>
    public static IConsumer<Ignore, Ignore> Consumer(ConsumerConfig config) =>
        new ConsumerBuilder<Ignore, Ignore>(config).SetLogHandler((_, _) => { }).SetErrorHandler((_, _) => { }).Build();
}
