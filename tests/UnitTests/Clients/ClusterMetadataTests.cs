using Confluent.Kafka;
using KafkaDemo.Clients;

namespace KafkaDemo.UnitTests.Clients;

public class ClusterMetadataTests
{
    private static readonly Metadata Cluster = new(
        [new BrokerMetadata(1, "b1", 9092)],
        [
            Topic("notes", 3),
            Topic("empty", 0),
            new TopicMetadata("broken", [], new Error(ErrorCode.LeaderNotAvailable)),
        ],
        1,
        "b1");

    private static TopicMetadata Topic(string name, int partitions) =>
        new(name, [.. Enumerable.Range(0, partitions).Reverse().Select(p => new PartitionMetadata(p, 1, [1], [1], new Error(ErrorCode.NoError)))], new Error(ErrorCode.NoError));

    [Fact]
    public void A_topic_has_the_partition_count_its_metadata_lists()
    {
        Assert.Equal(3, ClusterMetadata.PartitionCount(Cluster, "notes"));
    }

    [Theory]
    [InlineData("absent")]
    [InlineData("broken")]
    [InlineData("empty")]
    public void An_absent_topic_one_in_error_or_one_without_partitions_has_no_count(string topic)
    {
        Assert.Null(ClusterMetadata.PartitionCount(Cluster, topic));
    }

    [Fact]
    public void Partitions_come_in_partition_order_whatever_order_the_broker_sent()
    {
        Assert.Equal([0, 1, 2], ClusterMetadata.Partitions(Cluster, "notes").Select(p => p.Partition.Value));
        Assert.Empty(ClusterMetadata.Partitions(Cluster, "absent"));
    }

    [Fact]
    public void Missing_lists_the_topics_the_cluster_lacks_in_the_order_asked()
    {
        Assert.Equal(["zeta", "broken"], ClusterMetadata.Missing(Cluster, ["zeta", "notes", "broken"]));
    }

    [Fact]
    public void A_question_handle_connects_as_the_client_would_but_cannot_act_as_it()
    {
        var producer = new ProducerConfig
        {
            BootstrapServers = "b1:9092",
            SecurityProtocol = SecurityProtocol.SaslSsl,
            SaslPassword = "secret",
            TransactionalId = "tx",
            EnableIdempotence = true,
            DeliveryReportFields = "status",
            Debug = "all",
        };
        producer.Set("log_level", "7");

        var settings = ClusterMetadata.QuestionSettings(producer).ToDictionary();

        Assert.Equal("b1:9092", settings["bootstrap.servers"]);
        Assert.Equal("secret", settings["sasl.password"]);
        Assert.Equal("sasl_ssl", settings["security.protocol"]);
        Assert.DoesNotContain("transactional.id", settings.Keys);
        Assert.DoesNotContain("enable.idempotence", settings.Keys);
        Assert.DoesNotContain("debug", settings.Keys);
        Assert.DoesNotContain(settings.Keys, key => key.StartsWith("dotnet.", StringComparison.Ordinal));
        Assert.Equal("0", settings["log_level"]);
    }
}
