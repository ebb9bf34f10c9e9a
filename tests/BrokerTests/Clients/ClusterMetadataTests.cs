using Confluent.Kafka;
using KafkaDemo.Clients;

namespace KafkaDemo.BrokerTests.Clients;

[Collection(BrokerCollection.Name)]
public class ClusterMetadataTests(BrokerFixture broker)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_bare_handle_answers_what_Confluent_Kafkas_admin_client_answers()
    {
        var topic = await broker.CreateTopicAsync("described", 3);
        var config = new ProducerConfig { BootstrapServers = broker.BootstrapServers, TransactionalId = "never-used", EnableIdempotence = true };

        var bare = ClusterMetadata.Fetch(config, Timeout);
        using var producer = new ProducerBuilder<Null, Null>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build();
        var admin = ClusterMetadata.Fetch(producer.Handle, Timeout);

        Assert.Equal(Describe(admin, topic), Describe(bare, topic));
        Assert.Equal(admin.Brokers.Select(b => (b.BrokerId, b.Host, b.Port)).Order(), bare.Brokers.Select(b => (b.BrokerId, b.Host, b.Port)).Order());
        Assert.Equal(3, ClusterMetadata.PartitionCount(bare, topic));
    }

    [Fact]
    public void An_unreachable_cluster_is_a_KafkaException_within_the_timeout()
    {
        var config = new ConsumerConfig { BootstrapServers = "127.0.0.1:1", GroupId = "nobody" };

        var error = Assert.Throws<KafkaException>(() => ClusterMetadata.Fetch(config, TimeSpan.FromSeconds(1)));

        Assert.True(error.Error.IsError);
    }

    [Fact]
    public void A_setting_librdkafka_refuses_is_an_ArgumentException_naming_it()
    {
        var config = new ProducerConfig { BootstrapServers = broker.BootstrapServers };
        config.Set("no.such.setting", "1");

        var error = Assert.Throws<ArgumentException>(() => ClusterMetadata.Fetch(config, Timeout));

        Assert.Contains("no.such.setting", error.Message);
    }

    private static string[] Describe(Metadata metadata, string topic) =>
        [.. metadata.Topics.Single(t => t.Topic == topic).Partitions.OrderBy(p => p.PartitionId)
            .Select(p => $"{p.PartitionId}: leader {p.Leader}, replicas {string.Join(',', p.Replicas)}, isr {string.Join(',', p.InSyncReplicas)}, {p.Error.Code}")];
}
