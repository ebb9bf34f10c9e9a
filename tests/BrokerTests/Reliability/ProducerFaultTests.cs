using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.TestSupport;
using KafkaDemo.LocalBroker;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Reliability;

// Each scenario starts a cluster of its own: the faults must not leak into other tests.
public class ProducerFaultTests
{
    private static ProducerOptions Sequenced(MockCluster cluster, string topic, int count) =>
        new(cluster.BootstrapServers, topic, count, TimeSpan.FromSeconds(30)) { SequenceHeader = Reliability.Sequenced.Header, Quiet = true };

    [Fact]
    public async Task A_leader_broker_going_down_mid_stream_and_back_loses_nothing_and_doubles_nothing()
    {
        using var cluster = MockCluster.Start(brokerCount: 3);
        cluster.CreateTopic("t", 3);
        for (var partition = 0; partition < 3; partition++)
        {
            cluster.SetPartitionLeader("t", partition, brokerId: 1);
        }

        // Until stopped, so that the fault lands mid-stream however slowly this machine runs the test.
        var producer = new NoteProducer(Sequenced(cluster, "t", 0) with { Interval = TimeSpan.FromMilliseconds(5) }, new StringWriter(), new ListLogger());
        using var stop = new CancellationTokenSource();
        var run = producer.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => producer.Stats.Delivered >= 100, "100 events were delivered");
        cluster.SetBrokerDown(1);
        var deliveredWhileDown = producer.Stats.Delivered;
        await Task.Delay(700);
        Assert.Equal(deliveredWhileDown, producer.Stats.Delivered);
        cluster.SetBrokerUp(1);
        await Eventually.HoldsAsync(() => producer.Stats.Delivered >= deliveredWhileDown + 100, "100 more events were delivered after the broker came back");
        Assert.False(run.IsCompleted);
        await stop.CancelAsync();
        var summary = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(new ProduceSummary(summary.Sent, summary.Sent, 0, false), summary);
        var sent = (int)summary.Sent;
        var reconciliation = Reconciliation.Of(Reliability.Sequenced.Range(sent), Reliability.Sequenced.Stored(cluster.BootstrapServers, "t", sent));
        Assert.True(reconciliation.IsExact, reconciliation.ToString());
    }

    [Fact]
    public async Task A_message_timeout_set_through_client_properties_also_bounds_the_final_flush()
    {
        // Every answer takes 5.5 s: longer than --delivery-timeout (0.1 s) plus the flush's 5 s
        // margin, well within the 120 s that -X message.timeout.ms (or a config file) allows a
        // message. Without idempotence there is one round trip fewer before the first send.
        using var cluster = MockCluster.Start(brokerCount: 1);
        cluster.CreateTopic("t", 1);
        cluster.SetRoundTripTime(-1, TimeSpan.FromSeconds(5.5));
        var options = new ProducerOptions(cluster.BootstrapServers, "t", 3, TimeSpan.FromMilliseconds(100))
        {
            ConnectTimeout = TimeSpan.FromSeconds(60),
            ClientSettings = new Dictionary<string, string> { ["message.timeout.ms"] = "120000", ["enable.idempotence"] = "false" },
            Quiet = true,
        };

        var summary = await new NoteProducer(options, new StringWriter(), new ListLogger()).RunAsync(CancellationToken.None);

        Assert.Equal(new ProduceSummary(3, 3, 0, false), summary);
    }

    [Fact]
    public async Task Retriable_produce_errors_several_in_a_row_are_retried_without_loss_duplicates_or_reordering()
    {
        using var cluster = MockCluster.Start(brokerCount: 3);
        cluster.CreateTopic("t", 3);
        cluster.PushRequestErrors(KafkaApi.Produce,
            ErrorCode.NotLeaderForPartition, ErrorCode.NotLeaderForPartition, ErrorCode.RequestTimedOut, ErrorCode.RequestTimedOut,
            ErrorCode.NotEnoughReplicas, ErrorCode.NotEnoughReplicas, ErrorCode.NotEnoughReplicasAfterAppend, ErrorCode.RequestTimedOut);

        var summary = await new NoteProducer(Sequenced(cluster, "t", 500), new StringWriter(), new ListLogger()).RunAsync(CancellationToken.None);

        Assert.Equal(new ProduceSummary(500, 500, 0, false), summary);
        var reconciliation = Reconciliation.Of(Reliability.Sequenced.Range(500), Reliability.Sequenced.Stored(cluster.BootstrapServers, "t", 500));
        Assert.True(reconciliation.IsExact, reconciliation.ToString());
    }

    [Fact]
    public async Task Under_high_latency_with_a_short_timeout_every_undelivered_event_is_reported_and_the_exit_code_is_1()
    {
        using var cluster = MockCluster.Start(brokerCount: 1);
        cluster.CreateTopic("t", 1);
        var error = new StringWriter();
        // Every reply now takes 3 s: the connection check (10 s allowed) passes, each delivery (500 ms allowed) cannot.
        cluster.SetRoundTripTime(-1, TimeSpan.FromSeconds(3));

        var exitCode = await CommandLineHost.InvokeAsync(ProducerCommand.Create(_ => null),
            ["-b", cluster.BootstrapServers, "-t", "t", "-n", "20", "--delivery-timeout", "500ms", "--sequence-header", "seq", "-q"],
            new StringWriter(), error);
        cluster.SetRoundTripTime(-1, TimeSpan.Zero);

        Assert.Equal(ExitCodes.Failure, exitCode);
        var summaryLine = error.ToString().Split('\n').Single(l => l.StartsWith("Summary for t:", StringComparison.Ordinal));
        var delivered = int.Parse(System.Text.RegularExpressions.Regex.Match(summaryLine, @"delivered (\d+)").Groups[1].Value);
        var failed = int.Parse(System.Text.RegularExpressions.Regex.Match(summaryLine, @"failed (\d+)").Groups[1].Value);
        Assert.Equal(20, delivered + failed);
        Assert.True(failed > 0, summaryLine);
        var stored = Reliability.Sequenced.Stored(cluster.BootstrapServers, "t", 20);
        Assert.True(stored.Count >= delivered, $"{stored.Count} stored but {delivered} claimed delivered");
    }

    [Fact]
    public async Task With_every_broker_down_longer_than_the_delivery_timeout_the_run_ends_reporting_each_loss_and_claims_nothing_false()
    {
        using var cluster = MockCluster.Start(brokerCount: 3);
        cluster.CreateTopic("t", 3);
        var logger = new ListLogger();
        // Until stopped: the fault lands mid-stream however slowly this machine runs the test, and the run is stopped only
        // once deliveries have started failing, so the summary must account for sends made before, during and after the fault.
        var producer = new NoteProducer(Sequenced(cluster, "t", 0) with { Interval = TimeSpan.FromMilliseconds(5), DeliveryTimeout = TimeSpan.FromSeconds(1) },
            new StringWriter(), logger);
        using var stop = new CancellationTokenSource();

        var run = producer.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => producer.Stats.Delivered >= 50, "50 events were delivered");
        cluster.SetBrokerDown(-1);
        await Eventually.HoldsAsync(() => producer.Stats.FailedReports >= 10, "10 deliveries failed");
        Assert.False(run.IsCompleted);
        await stop.CancelAsync();
        var summary = await run.WaitAsync(TimeSpan.FromSeconds(60));
        for (var broker = 1; broker <= 3; broker++)
        {
            cluster.SetBrokerUp(broker);
        }

        Assert.False(summary.Succeeded, $"{summary} / {string.Join(" | ", logger.Entries.Select(e => e.Text).TakeLast(3))}");
        Assert.True(summary.Failed > 0);
        Assert.Equal(summary.Sent, summary.Delivered + summary.Failed);
        var stored = Reliability.Sequenced.Stored(cluster.BootstrapServers, "t", (int)summary.Delivered);
        Assert.True(stored.Select(s => s.Sequence).Distinct().Count() >= summary.Delivered, $"stored {stored.Count}, {summary}");
        Assert.Equal(stored.Count, stored.Select(s => s.Sequence).Distinct().Count());
    }
}
