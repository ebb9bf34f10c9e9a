using Confluent.Kafka;
using KafkaDemo.Common.Partitioning;
using KafkaDemo.Producer;

namespace KafkaDemo.UnitTests.Producer;

public class NoteProducerConfigTests
{
    private static ProducerConfig ConfigFor(ProducerOptions options) =>
        new NoteProducer(options, TextWriter.Null, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance).BuildConfig();

    [Fact]
    public void Defaults_are_safe_and_java_compatible()
    {
        var config = ConfigFor(new ProducerOptions("b:9092", "t", 1, TimeSpan.FromSeconds(7)));

        Assert.Equal(Acks.All, config.Acks);
        Assert.True(config.EnableIdempotence);
        Assert.Equal(7000, config.MessageTimeoutMs);
        Assert.Equal(Partitioner.Murmur2Random, config.Partitioner);
        Assert.Equal("b:9092", config.BootstrapServers);
    }

    [Fact]
    public void The_users_settings_override_the_defaults()
    {
        var options = new ProducerOptions("b:9092", "t", 1, TimeSpan.FromSeconds(7))
        {
            ClientSettings = new Dictionary<string, string> { ["acks"] = "1", ["enable.idempotence"] = "false", ["bootstrap.servers"] = "other:9092" },
        };

        var config = ConfigFor(options);

        Assert.Equal(Acks.Leader, config.Acks);
        Assert.False(config.EnableIdempotence);
        Assert.Equal("other:9092", config.BootstrapServers);
    }

    [Fact]
    public void Crc32_selects_librdkafkas_consistent_random()
    {
        var config = ConfigFor(new ProducerOptions("b", "t", 1, TimeSpan.FromSeconds(1)) { Partitioner = PartitionerKind.Crc32 });

        Assert.Equal(Partitioner.ConsistentRandom, config.Partitioner);
    }
}
