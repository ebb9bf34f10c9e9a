using Confluent.Kafka;
using Confluent.Kafka.Admin;
using KafkaDemo.Clients;

namespace KafkaDemo.Consumer.Topics;

/// <summary>Reads a <see cref="ClusterListing"/> from the cluster through one short-lived consumer.</summary>
public static class ClusterListingReader
{
    /// <summary>
    /// The brokers, the controller where the cluster answers DescribeCluster, and every topic (or
    /// only <paramref name="topics"/>; internal ones only with <paramref name="includeInternal"/>)
    /// with partitions and watermarks. A topic asked for that does not exist is a <see cref="KafkaException"/>.
    /// </summary>
    public static ClusterListing Read(ConsumerConfig config, IReadOnlyList<string>? topics, bool includeInternal, TimeSpan timeout)
    {
        using var consumer = QuietClient.Consumer(config);
        var metadata = ClusterMetadata.Fetch(consumer.Handle, timeout);
        if (topics is not null && ClusterMetadata.Missing(metadata, topics) is [var missing, ..])
        {
            throw new KafkaException(new Error(ErrorCode.UnknownTopicOrPart, $"topic {missing} does not exist"));
        }

        var shown = metadata.Topics
            .Where(t => !t.Error.IsError)
            .Where(t => topics?.Contains(t.Topic) ?? (includeInternal || !t.Topic.StartsWith(ClusterListing.InternalPrefix, StringComparison.Ordinal)))
            .OrderBy(t => t.Topic, StringComparer.Ordinal)
            .Select(t => new TopicRow(t.Topic, [.. t.Partitions.OrderBy(p => p.PartitionId).Select(p =>
            {
                var marks = consumer.QueryWatermarkOffsets(new TopicPartition(t.Topic, p.PartitionId), timeout);
                return new PartitionRow(p.PartitionId, p.Leader, p.Replicas, p.InSyncReplicas, marks.Low.Value, marks.High.Value);
            })]))
            .ToList();
        var brokers = metadata.Brokers.OrderBy(b => b.BrokerId).Select(b => new BrokerRow(b.BrokerId, b.Host, b.Port)).ToList();
        return new ClusterListing(brokers, Controller(consumer.Handle, timeout), shown);
    }

    /// <summary>How long the listing waits to learn the controller before calling it unknown.</summary>
    public static readonly TimeSpan ControllerWait = TimeSpan.FromSeconds(2);

    // DescribeCluster needs Kafka 2.8 or later, and the embedded broker never answers it: the wait is
    // kept short, and a cluster that does not answer in time leaves the controller unknown.
    private static int? Controller(Handle handle, TimeSpan timeout)
    {
        var wait = timeout < ControllerWait ? timeout : ControllerWait;
        try
        {
            using var admin = new DependentAdminClientBuilder(handle).Build();
            var cluster = admin.DescribeClusterAsync(new DescribeClusterOptions { RequestTimeout = wait })
                .WaitAsync(wait + TimeSpan.FromSeconds(1)).GetAwaiter().GetResult();
            return cluster.Controller?.Id;
        }
        catch (Exception ex) when (ex is KafkaException or TimeoutException)
        {
            return null;
        }
    }
}
