using Confluent.Kafka;
using KafkaDemo.LocalBroker;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.LocalBroker;

// Each test here starts a cluster of its own: injected faults must not leak into other tests, and
// the mock cluster is what is under test, whatever broker the rest of the suite uses.
public class MockClusterTests
{
    private static ProducerOptions NineEvents(MockCluster cluster, string topic, TimeSpan deliveryTimeout) =>
        new(cluster.BootstrapServers, topic, 9, deliveryTimeout);

    [Fact]
    public void A_created_topic_has_the_requested_partitions_and_every_broker_is_listed()
    {
        using var cluster = MockCluster.Start(brokerCount: 3);

        cluster.CreateTopic("six", partitions: 6);

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        var metadata = admin.GetMetadata("six", TimeSpan.FromSeconds(10));
        Assert.Equal(6, metadata.Topics.Single().Partitions.Count);
        Assert.Equal([1, 2, 3], metadata.Brokers.Select(b => b.BrokerId).Order());
        Assert.Equal(3, cluster.BootstrapServers.Split(',').Length);
    }

    [Fact]
    public void The_embedded_broker_runs_on_the_same_librdkafka_that_Confluent_Kafka_loaded()
    {
        using var cluster = MockCluster.Start(brokerCount: 1);
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build();

        Assert.Equal(Library.VersionString, MockCluster.LibraryVersion);
        if (OperatingSystem.IsLinux())
        {
            // One file of librdkafka mapped into the process, and it is the one our calls bound to.
            var mapped = File.ReadLines("/proc/self/maps")
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(5).FirstOrDefault())
                .Where(path => path is not null && Path.GetFileName(path).EndsWith("librdkafka.so", StringComparison.Ordinal))
                .Distinct()
                .ToList();
            Assert.Equal([MockCluster.LibraryName + ".so"], mapped.Select(Path.GetFileName));
        }
    }

    [Fact]
    public async Task Retriable_produce_errors_are_retried_until_every_event_is_delivered()
    {
        using var cluster = MockCluster.Start(brokerCount: 3);
        cluster.CreateTopic("retries", partitions: 3);
        cluster.PushRequestErrors(KafkaApi.Produce,
            ErrorCode.NotLeaderForPartition, ErrorCode.RequestTimedOut, ErrorCode.NotEnoughReplicas,
            ErrorCode.NotEnoughReplicas, ErrorCode.RequestTimedOut);

        var summary = await new NoteProducer(NineEvents(cluster, "retries", TimeSpan.FromSeconds(30)), new StringWriter(), new ListLogger())
            .RunAsync(CancellationToken.None);

        Assert.Equal(new ProduceSummary(9, 9, 0, false), summary);
    }

    [Fact]
    public async Task With_every_broker_down_the_producer_reports_the_cluster_unreachable_and_sends_nothing()
    {
        using var cluster = MockCluster.Start(brokerCount: 1);
        cluster.CreateTopic("down", partitions: 1);
        cluster.SetBrokerDown(-1);
        var logger = new ListLogger();
        var options = NineEvents(cluster, "down", TimeSpan.FromSeconds(1)) with { ConnectTimeout = TimeSpan.FromSeconds(1) };

        var summary = await new NoteProducer(options, new StringWriter(), logger).RunAsync(CancellationToken.None);

        Assert.True(summary.Unreachable);
        Assert.Equal((0, 0), (summary.Sent, summary.Delivered));
        Assert.False(summary.Succeeded);
        Assert.Contains(logger.Entries, e => e.Text.StartsWith("Cannot reach any broker at", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_partition_leader_down_each_event_is_reported_failed_and_none_is_claimed_delivered()
    {
        using var cluster = MockCluster.Start(brokerCount: 3);
        cluster.CreateTopic("leaderless", partitions: 1);
        cluster.SetPartitionLeader("leaderless", 0, brokerId: 2);
        cluster.SetBrokerDown(2);
        var output = new StringWriter();
        var logger = new ListLogger();

        var summary = await new NoteProducer(NineEvents(cluster, "leaderless", TimeSpan.FromSeconds(1)), output, logger)
            .RunAsync(CancellationToken.None);

        Assert.Equal(new ProduceSummary(9, 0, 9, false), summary);
        Assert.Equal(string.Empty, output.ToString());
        Assert.Equal(9, logger.Entries.Count(e => e.Text.StartsWith("Delivery failed for", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_broker_that_comes_back_up_accepts_events_again()
    {
        using var cluster = MockCluster.Start(brokerCount: 1);
        cluster.CreateTopic("flap", partitions: 1);
        cluster.SetBrokerDown(1);
        cluster.SetBrokerUp(1);

        var summary = await new NoteProducer(NineEvents(cluster, "flap", TimeSpan.FromSeconds(30)), new StringWriter(), new ListLogger())
            .RunAsync(CancellationToken.None);

        Assert.Equal(9, summary.Delivered);
    }

    [Fact]
    public void Operations_on_a_stopped_cluster_are_refused()
    {
        var cluster = MockCluster.Start(brokerCount: 1);
        cluster.Dispose();

        Assert.Throws<ObjectDisposedException>(() => cluster.CreateTopic("late", 1));
    }
}
