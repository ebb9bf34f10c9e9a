using Confluent.Kafka;
using Confluent.Kafka.Admin;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Networks;
using KafkaDemo.BrokerTests.Brokers;
using KafkaDemo.LocalBroker;
using KafkaDemo.TestSupport.SchemaRegistry;
using Testcontainers.Kafka;

namespace KafkaDemo.BrokerTests;

/// <summary>
/// The broker every test in the collection shares, picked by <see cref="BrokerSelection"/>: a
/// running Kafka, a Kafka container, or a 3-broker embedded mock cluster. It prints which one on
/// stderr, starts it before the first test and stops it after the last. Beside a Kafka container it
/// also offers a schema registry container (<see cref="SchemaRegistryAsync"/>).
/// </summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    // Other containers reach Kafka at this address on the shared network.
    private const string KafkaListener = "kafka:19092";

    private KafkaContainer? _container;
    private INetwork? _network;
    private RegistryContainer? _registry;

    public string BootstrapServers { get; private set; } = string.Empty;

    /// <summary>The embedded cluster, or null against a real Kafka (tests that need the mock skip then, saying so).</summary>
    public MockCluster? Cluster { get; private set; }

    public async Task InitializeAsync()
    {
        var choice = BrokerSelection.Choose(Environment.GetEnvironmentVariable, DockerEngine.Answers);
        switch (choice.Kind)
        {
            case BrokerKind.External:
                BootstrapServers = choice.Target!;
                break;
            case BrokerKind.Testcontainers:
                _network = new NetworkBuilder().Build();
                _container = new KafkaBuilder(choice.Target!).WithNetwork(_network).WithListener(KafkaListener).Build();
                await _container.StartAsync();
                _registry = new RegistryContainer(_network, KafkaListener,
                    Environment.GetEnvironmentVariable("SCHEMA_REGISTRY_TEST_IMAGE") is { Length: > 0 } image ? image : RegistryContainer.DefaultImage);
                BootstrapServers = $"{_container.Hostname}:{_container.GetMappedPublicPort(KafkaBuilder.KafkaPort)}";
                break;
            default:
                Cluster = MockCluster.Start(brokerCount: 3);
                BootstrapServers = Cluster.BootstrapServers;
                break;
        }

        var what = choice.Kind switch
        {
            BrokerKind.External => "the running Kafka",
            BrokerKind.Testcontainers => $"Kafka in a Testcontainers container ({choice.Target})",
            _ => $"the embedded mock cluster (librdkafka {MockCluster.LibraryVersion}, 3 brokers)",
        };
        Console.Error.WriteLine($"BrokerTests: broker = {what} at {BootstrapServers}, because {choice.Reason}; programs = {Programs.Description}");
    }

    /// <summary>
    /// The schema registry for a test, as <see cref="TestSchemaRegistry"/> picks it: SCHEMA_REGISTRY_URL,
    /// else a registry container beside the Kafka container (started on first use), else in-process.
    /// </summary>
    public async Task<TestSchemaRegistry> SchemaRegistryAsync() =>
        TestSchemaRegistry.Start(Environment.GetEnvironmentVariable, _registry is null ? null : await _registry.UrlAsync());

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

    public async Task DisposeAsync()
    {
        Cluster?.Dispose();
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }

        if (_container is not null)
        {
            await _container.DisposeAsync();
        }

        if (_network is not null)
        {
            await _network.DisposeAsync();
        }
    }
}
