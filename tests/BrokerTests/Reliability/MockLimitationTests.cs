using Confluent.Kafka;
using KafkaDemo.Producer.Keys;
using KafkaDemo.TestSupport;
using KafkaDemo.LocalBroker;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Reliability;

public class MockLimitationTests
{
    private const string Finding =
        "Known defect of the embedded broker, reproduced 3 of 3 times: retriable Produce errors pushed while an idempotent producer " +
        "has requests in flight make librdkafka's mock acknowledge one message it never stores (partition high watermark one below the " +
        "acknowledged count). The mock checks producer sequence numbers only for transactional producers (rdkafka_mock.c, " +
        "rd_kafka_mock_validate_records), and the idempotent producer's recovery relies on those checks. With idempotence off, the same " +
        "burst loses nothing (see the passing test below). Unskip to reproduce; against a real Kafka this should pass.";

    [Theory(Skip = Finding)]
    [InlineData(ErrorCode.RequestTimedOut)]
    [InlineData(ErrorCode.NotLeaderForPartition)]
    [InlineData(ErrorCode.NotEnoughReplicas)]
    public Task An_idempotent_producer_loses_nothing_when_retriable_errors_hit_requests_in_flight(ErrorCode code) => BurstMidStreamAsync(code, idempotent: true);

    [Theory]
    [InlineData(ErrorCode.RequestTimedOut)]
    [InlineData(ErrorCode.NotLeaderForPartition)]
    public Task Without_idempotence_retriable_errors_hitting_requests_in_flight_lose_nothing_on_the_mock(ErrorCode code) => BurstMidStreamAsync(code, idempotent: false);

    private static async Task BurstMidStreamAsync(ErrorCode code, bool idempotent)
    {
        using var cluster = MockCluster.Start(brokerCount: 3);
        cluster.CreateTopic("t", 3);
        // Until stopped, so that the burst always hits requests in flight however slowly this machine runs the test.
        var options = new ProducerOptions(cluster.BootstrapServers, "t", 0, TimeSpan.FromSeconds(30))
        {
            ClientSettings = new Dictionary<string, string> { ["enable.idempotence"] = idempotent ? "true" : "false" },
            SequenceHeader = Sequenced.Header,
            KeyStrategy = KeyStrategy.Uuid,
            Interval = TimeSpan.FromMilliseconds(3),
            Quiet = true,
        };
        var producer = new NoteProducer(options, new StringWriter(), new ListLogger());
        using var stop = new CancellationTokenSource();

        var run = producer.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => producer.Stats.Delivered >= 300, "300 events were delivered");
        cluster.PushRequestErrors(KafkaApi.Produce, code, code, code, code);
        await Eventually.HoldsAsync(() => producer.Stats.Delivered >= 600, "300 more events were delivered");
        Assert.False(run.IsCompleted);
        await stop.CancelAsync();
        var summary = await run.WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal((summary.Sent, 0L), (summary.Delivered, summary.Failed));
        var sent = (int)summary.Sent;
        var reconciliation = Reconciliation.Of(Sequenced.Range(sent), Sequenced.Stored(cluster.BootstrapServers, "t", sent));
        Assert.True(reconciliation.Lost == 0 && reconciliation.Unexpected == 0, reconciliation.ToString());
    }
}
