using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Producer;

public class NoteProducerTests
{
    [Fact]
    public async Task An_unreachable_broker_ends_in_reported_failures_within_the_delivery_timeout()
    {
        var logger = new ListLogger();
        var producer = new NoteProducer(new ProducerOptions("127.0.0.1:1", "notes-topic", 3, TimeSpan.FromSeconds(1)), new StringWriter(), logger);

        var summary = await producer.RunAsync(CancellationToken.None);

        Assert.Equal(new ProduceSummary(3, 0, 3, false), summary);
        Assert.Contains(logger.Entries, e => e.Text.Contains("Connection refused", StringComparison.OrdinalIgnoreCase)
                                             || e.Text.Contains("brokers are down", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Cancelling_before_the_first_event_sends_nothing_and_reports_nothing_failed()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var summary = await new NoteProducer(new ProducerOptions("127.0.0.1:1", "notes-topic", 0, TimeSpan.FromSeconds(1)), new StringWriter(), new ListLogger())
            .RunAsync(cancelled.Token);

        Assert.Equal(new ProduceSummary(0, 0, 0, false), summary);
    }
}
