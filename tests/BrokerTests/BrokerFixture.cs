using Confluent.Kafka;
using Confluent.Kafka.Admin;
using KafkaDemo.LocalBroker;

namespace KafkaDemo.BrokerTests;

/// <summary>
/// The broker every test in the collection shares: the Kafka at KAFKA_BOOTSTRAP_SERVERS when that
/// is set, otherwise a 3-broker embedded mock cluster started here and stopped after the last test.
/// </summary>
public sealed class BrokerFixture : IDisposable
{
    public BrokerFixture()
    {
        var external = Environment.GetEnvironmentVariable("KAFKA_BOOTSTRAP_SERVERS");
        if (string.IsNullOrWhiteSpace(external))
        {
            Cluster = MockCluster.Start(brokerCount: 3);
            BootstrapServers = Cluster.BootstrapServers;
        }
        else
        {
            BootstrapServers = external;
        }
    }

    public string BootstrapServers { get; }

    /// <summary>The embedded cluster, or null against a real Kafka (fault-injection tests skip then).</summary>
    public MockCluster? Cluster { get; }

    /// <summary>Creates a topic with a fresh name and the given partition count.</summary>
    public async Task<string> CreateTopicAsync(string prefix, int partitions)
    {
        var topic = $"{prefix}-{Guid.NewGuid():N}";
        if (Cluster is not null)
        {
            Cluster.CreateTopic(topic, partitions);
            return topic;
        }

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
        await admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = partitions, ReplicationFactor = -1 }]);
        return topic;
    }

    /// <summary>Partition count of <paramref name="topic"/> as the cluster's metadata reports it.</summary>
    public int PartitionCount(string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
        var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10));
        return metadata.Topics.Single().Partitions.Count;
    }

    public void Dispose() => Cluster?.Dispose();
}

[CollectionDefinition(Name)]
public sealed class BrokerCollection : ICollectionFixture<BrokerFixture>
{
    public const string Name = "broker";
}
