using Confluent.Kafka;
using KafkaDemo.Consumer;

namespace KafkaDemo.UnitTests.Consumer;

public class ConsumerConfigFactoryTests
{
    private static ConsumerOptions Options() => new("b:9092", ["t"], "g");

    [Fact]
    public void After_processing_stores_offsets_by_hand_and_lets_librdkafka_commit_them()
    {
        var config = ConsumerConfigFactory.Create(Options());

        Assert.False(config.EnableAutoOffsetStore);
        Assert.True(config.EnableAutoCommit);
        Assert.Equal(("b:9092", "g"), (config.BootstrapServers, config.GroupId));
    }

    [Fact]
    public void Auto_commit_mode_stores_offsets_as_messages_are_read()
    {
        Assert.True(ConsumerConfigFactory.Create(Options() with { Commit = CommitMode.Auto }).EnableAutoOffsetStore);
    }

    [Theory]
    [InlineData(StartKind.Earliest, AutoOffsetReset.Earliest)]
    [InlineData(StartKind.Latest, AutoOffsetReset.Latest)]
    [InlineData(StartKind.Committed, AutoOffsetReset.Error)]
    public void The_start_position_decides_where_a_partition_without_a_commit_begins(StartKind kind, AutoOffsetReset expected)
    {
        var config = ConsumerConfigFactory.Create(Options() with { From = new StartPosition(kind, null) });

        Assert.Equal(expected, config.AutoOffsetReset);
    }

    [Fact]
    public void Reading_to_the_end_asks_for_end_of_partition_events_and_shorter_long_polls()
    {
        var toEnd = ConsumerConfigFactory.Create(Options() with { ExitAtEnd = true });
        var following = ConsumerConfigFactory.Create(Options());

        Assert.Equal((true, 50), (toEnd.EnablePartitionEof, toEnd.FetchWaitMaxMs));
        Assert.Equal((false, null), (following.EnablePartitionEof, following.FetchWaitMaxMs));
    }

    [Fact]
    public void Each_instance_has_its_own_client_id()
    {
        Assert.Equal("kafkademo-consumer-3", ConsumerConfigFactory.Create(Options(), instance: 3).ClientId);
    }

    [Fact]
    public void The_users_settings_override_the_defaults()
    {
        var options = Options() with
        {
            ClientSettings = new Dictionary<string, string> { ["bootstrap.servers"] = "from-file:9092", ["fetch.queue.backoff.ms"] = "5" },
        };

        var config = ConsumerConfigFactory.Create(options);

        Assert.Equal(("from-file:9092", 5), (config.BootstrapServers, config.FetchQueueBackoffMs));
    }

    [Fact]
    public void Librdkafka_statistics_are_asked_for_only_when_metrics_are_exported()
    {
        var without = ConsumerConfigFactory.Create(ConsumerCommand.Bind([], CommandLine.Environment()));
        var served = ConsumerConfigFactory.Create(ConsumerCommand.Bind(["--metrics-port", "9464"], CommandLine.Environment()));
        var pushed = ConsumerConfigFactory.Create(ConsumerCommand.Bind([], CommandLine.Environment(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317"))));
        var chosen = ConsumerConfigFactory.Create(ConsumerCommand.Bind(["--metrics-port", "9464", "-X", "statistics.interval.ms=1000"], CommandLine.Environment()));

        Assert.Equal((null, 5000, 5000, 1000), (without.StatisticsIntervalMs, served.StatisticsIntervalMs, pushed.StatisticsIntervalMs, chosen.StatisticsIntervalMs));
    }

    [Fact]
    public void Read_committed_is_the_default_and_the_flag_reaches_the_client()
    {
        var byDefault = ConsumerConfigFactory.Create(ConsumerCommand.Bind([], CommandLine.Environment()));
        var typed = ConsumerConfigFactory.Create(ConsumerCommand.Bind(["--isolation-level", "read_uncommitted"], CommandLine.Environment()));
        var overFile = ConsumerConfigFactory.Create(ConsumerCommand.Bind(["-X", "isolation.level=read_uncommitted", "--isolation-level", "read_committed"], CommandLine.Environment()));

        Assert.Equal(IsolationLevel.ReadCommitted, byDefault.IsolationLevel);
        Assert.Equal(IsolationLevel.ReadUncommitted, typed.IsolationLevel);
        Assert.Equal(IsolationLevel.ReadCommitted, overFile.IsolationLevel);
    }

    [Fact]
    public void A_group_named_only_through_X_is_the_group_the_run_works_under()
    {
        var fromX = ConsumerCommand.Bind(["-X", "group.id=from-x"], CommandLine.Environment());
        var typedWins = ConsumerCommand.Bind(["-X", "group.id=from-x", "-g", "typed"], CommandLine.Environment());

        Assert.Equal("from-x", fromX.GroupId);
        Assert.Equal("from-x", ConsumerConfigFactory.Create(fromX).GroupId);
        Assert.Equal("typed", typedWins.GroupId);
        Assert.Equal("typed", ConsumerConfigFactory.Create(typedWins).GroupId);
    }
}
