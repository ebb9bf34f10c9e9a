using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Producer;

public class NoteProducerTests
{
    [Fact]
    public async Task An_unreachable_broker_is_reported_within_the_connect_timeout_and_nothing_is_sent()
    {
        var logger = new ListLogger();
        var options = new ProducerOptions("127.0.0.1:1", "notes-topic", 3, TimeSpan.FromSeconds(1)) { ConnectTimeout = TimeSpan.FromSeconds(1) };

        var summary = await new NoteProducer(options, new StringWriter(), logger).RunAsync(CancellationToken.None);

        Assert.Equal(new ProduceSummary(0, 0, 0, false) { Unreachable = true }, summary);
        Assert.Contains(logger.Entries, e => e.Text.Contains("Connection refused", StringComparison.OrdinalIgnoreCase)
                                             || e.Text.Contains("brokers are down", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Cancelling_before_the_first_event_sends_nothing_and_reports_nothing_failed()
    {
        using var cluster = KafkaDemo.LocalBroker.MockCluster.Start(brokerCount: 1);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var summary = await new NoteProducer(new ProducerOptions(cluster.BootstrapServers, "notes-topic", 0, TimeSpan.FromSeconds(1)), new StringWriter(), new ListLogger())
            .RunAsync(cancelled.Token);

        Assert.Equal(new ProduceSummary(0, 0, 0, false), summary);
    }
}
