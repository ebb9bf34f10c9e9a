using Confluent.Kafka;

namespace KafkaDemo.Cli;

/// <summary>
/// The one way both programs ask the cluster what it holds: brokers, topics and their partitions.
/// Through a client that already exists (its connections are reused), or through a short-lived
/// one of the same kind built from the run's config: an AdminClient would refuse the producer's
/// or consumer's own properties. Failures surface as <see cref="KafkaException"/>.
/// </summary>
public static class ClusterMetadata
{
    /// <summary>Metadata of every topic, through <paramref name="handle"/>'s connections.</summary>
    public static Metadata Fetch(Handle handle, TimeSpan timeout)
    {
        using var admin = new DependentAdminClientBuilder(handle).Build();
        return admin.GetMetadata(timeout);
    }

    /// <summary>Metadata of every topic, through a short-lived client built from <paramref name="config"/>.</summary>
    public static Metadata Fetch(ClientConfig config, TimeSpan timeout)
    {
        if (config is ConsumerConfig consumerConfig)
        {
            using var consumer = QuietClient.Consumer(consumerConfig);
            return Fetch(consumer.Handle, timeout);
        }

        using var producer = QuietClient.Producer(config);
        return Fetch(producer.Handle, timeout);
    }

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
