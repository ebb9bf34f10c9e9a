using Confluent.Kafka;
using KafkaDemo.Clients.Native;

namespace KafkaDemo.Clients;

/// <summary>
/// The one way both programs ask the cluster what it holds: brokers, topics and their partitions.
/// Through a client that already exists (its connections are reused), or through a bare librdkafka
/// handle that connects with the run's own settings and is gone a millisecond after answering.
/// Failures surface as <see cref="KafkaException"/>.
/// </summary>
public static class ClusterMetadata
{
    /// <summary>
    /// Metadata of every topic, through <paramref name="handle"/>'s connections. Confluent.Kafka
    /// answers this only through an admin client, and disposing one waits for its poll loop's
    /// current 100 ms turn: use it where the client is there anyway and 100 ms do not matter.
    /// </summary>
    public static Metadata Fetch(Handle handle, TimeSpan timeout)
    {
        using var admin = new DependentAdminClientBuilder(handle).Build();
        return admin.GetMetadata(timeout);
    }

    /// <summary>
    /// Metadata of every topic, through a bare handle configured from <paramref name="config"/>.
    /// This path exists only for speed: it spares each program's start-up check the wait an admin
    /// client makes on dispose (figures in docs/performance.md). It could go, and callers use
    /// <see cref="Fetch(Handle, TimeSpan)"/>, once Confluent.Kafka's admin client disposes without
    /// waiting for its poll loop. Throws <see cref="ArgumentException"/> for a setting librdkafka refuses.
    /// </summary>
    public static Metadata Fetch(ClientConfig config, TimeSpan timeout)
    {
        using var client = BareClient.Create(QuestionSettings(config));
        return NativeMetadata.Fetch(client, timeout);
    }

    /// <summary>
    /// What a handle that only asks questions takes of a producer's or consumer's
    /// <paramref name="config"/>: the address, security and network settings, not the ones that
    /// would make it act as that client (a <c>transactional.id</c> would fence the real producer;
    /// idempotence asks for a producer id), nor the .NET client's own <c>dotnet.*</c> ones, which
    /// librdkafka does not know. Consumer settings stay; a producer-type handle ignores them. Its
    /// log is off (<c>log_level</c> 0, and no <c>debug</c>, which would raise it): the caller's
    /// error says what went wrong, once.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> QuestionSettings(ClientConfig config) =>
        config.Where(setting => setting.Key is not ("transactional.id" or "enable.idempotence" or "log_level" or "debug")
                                && !setting.Key.StartsWith("dotnet.", StringComparison.Ordinal))
            .Append(KeyValuePair.Create("log_level", "0"));

    /// <summary>
    /// The partition count of <paramref name="topic"/>; null when it does not exist. Asks about
    /// every topic, so that the question itself cannot make a broker auto-create it.
    /// </summary>
    public static int? PartitionCount(ClientConfig config, string topic, TimeSpan timeout) =>
        PartitionCount(Fetch(config, timeout), topic);

    /// <summary>The partition count of <paramref name="topic"/> in <paramref name="metadata"/>; null when it is absent or in error.</summary>
    public static int? PartitionCount(Metadata metadata, string topic) =>
        Find(metadata, topic)?.Partitions.Count is > 0 and var count ? count : null;

    /// <summary>The partitions of <paramref name="topic"/>, by number; empty when it is absent.</summary>
    public static IReadOnlyList<TopicPartition> Partitions(Metadata metadata, string topic) =>
        Find(metadata, topic) is { } found
            ? [.. found.Partitions.Select(p => p.PartitionId).Order().Select(p => new TopicPartition(topic, p))]
            : [];

    /// <summary>Those of <paramref name="topics"/> the cluster does not have, in the order given.</summary>
    public static IReadOnlyList<string> Missing(Metadata metadata, IEnumerable<string> topics) =>
        [.. topics.Where(t => Find(metadata, t) is null)];

    private static TopicMetadata? Find(Metadata metadata, string topic) =>
        metadata.Topics.FirstOrDefault(t => t.Topic == topic && !t.Error.IsError);
}
