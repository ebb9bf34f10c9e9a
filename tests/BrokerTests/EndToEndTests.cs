using System.Text.Json;
using KafkaDemo.Common.Decoding;
using KafkaDemo.Common.Events;
using KafkaDemo.Consumer;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests;

[Collection(BrokerCollection.Name)]
public class EndToEndTests(BrokerFixture broker)
{
    [Fact]
    public async Task The_nine_default_events_go_from_producer_to_consumer_with_one_partition_per_key()
    {
        var topic = await broker.CreateTopicAsync("e2e", partitions: 3);
        var producerOutput = new StringWriter();
        var producer = new NoteProducer(
            new ProducerOptions(broker.BootstrapServers, topic, ProducerCommandDefinition.DefaultCount, TimeSpan.FromSeconds(30)),
            producerOutput, new ListLogger());

        var produced = await producer.RunAsync(CancellationToken.None);

        Assert.Equal(new ProduceSummary(9, 9, 0, false), produced);
        Assert.Equal(9, producerOutput.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var received = new List<ConsumedMessage>();
        var consumer = new NoteConsumer(
            new ConsumerOptions(broker.BootstrapServers, [topic], $"group-{topic}") { MaxMessages = 9, IdleTimeout = TimeSpan.FromSeconds(30) },
            new StringWriter(), new ListLogger(), received.Add);

        var consumed = await consumer.RunAsync(CancellationToken.None);

        Assert.Equal(9, consumed.Consumed);
        Assert.All(received, m => Assert.Equal(PayloadKind.Json, m.Decoded.Kind));
        Assert.All(received, m => Assert.Equal(m.Decoded.EventType, m.Key));
        var events = received.Select(m => JsonSerializer.Deserialize(m.Decoded.Text, NoteEventJsonContext.Default.NoteEvent)!);
        Assert.Equal(Enumerable.Range(1, 9).Select(NoteEventFactory.Create), events.OrderBy(e => e.Id));
        Assert.All(received.GroupBy(m => m.Key), byKey => Assert.Single(byKey.Select(m => m.Partition).Distinct()));
        Assert.All(received.GroupBy(m => m.Key), byKey => Assert.Equal(byKey.Select(m => m.Offset).Order(), byKey.Select(m => m.Offset)));
    }

    [Fact]
    public async Task The_event_type_filter_shows_only_matching_events_and_counts_the_rest()
    {
        var topic = await broker.CreateTopicAsync("filter", partitions: 3);
        await new NoteProducer(new ProducerOptions(broker.BootstrapServers, topic, 9, TimeSpan.FromSeconds(30)), new StringWriter(), new ListLogger())
            .RunAsync(CancellationToken.None);
        var output = new StringWriter();

        var summary = await new NoteConsumer(
            new ConsumerOptions(broker.BootstrapServers, [topic], $"group-{topic}") { EventType = NoteEventTypes.Updated, MaxMessages = 9, IdleTimeout = TimeSpan.FromSeconds(30) },
            output, new ListLogger()).RunAsync(CancellationToken.None);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("✅ JSON (note_updated) | key=note_updated |", line));
        Assert.Equal((9, 3, 6), (summary.Consumed, summary.Shown, summary.FilteredOut));
    }
}
