using Confluent.Kafka;
using KafkaDemo.Common.Partitioning;
using KafkaDemo.Producer;

namespace KafkaDemo.UnitTests.Producer;

public class ProducerConfigFactoryTests
{
    private static ProducerConfig ConfigFor(ProducerOptions options) => ProducerConfigFactory.Create(options);

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
    public void Disposing_waits_at_most_10_ms_for_the_background_poll()
    {
        var config = ConfigFor(new ProducerOptions("b:9092", "t", 1, TimeSpan.FromSeconds(30)));

        Assert.Equal("10", config.Get("dotnet.cancellation.delay.max.ms"));
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

    [Fact]
    public void The_flush_waits_as_long_as_the_message_timeout_the_client_really_has()
    {
        var typed = ConfigFor(new ProducerOptions("b", "t", 1, TimeSpan.FromSeconds(7)));
        var fromProperties = ConfigFor(new ProducerOptions("b", "t", 1, TimeSpan.FromSeconds(7))
        {
            ClientSettings = new Dictionary<string, string> { ["message.timeout.ms"] = "120000" },
        });

        Assert.Equal(TimeSpan.FromSeconds(12), ProducerConfigFactory.FlushLimit(typed));
        Assert.Equal(TimeSpan.FromSeconds(125), ProducerConfigFactory.FlushLimit(fromProperties));
    }

    [Fact]
    public void A_message_timeout_of_0_means_no_flush_limit_as_it_means_no_delivery_limit()
    {
        var config = new ProducerConfig { MessageTimeoutMs = 0 };

        Assert.Null(ProducerConfigFactory.FlushLimit(config));
    }

    [Fact]
    public void Without_a_message_timeout_the_flush_waits_librdkafkas_default_five_minutes_and_a_margin()
    {
        Assert.Equal(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(5), ProducerConfigFactory.FlushLimit(new ProducerConfig()));
    }
}
