using KafkaDemo.Consumer;
using KafkaDemo.Producer.Keys;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Consumer;

[Collection(BrokerCollection.Name)]
public class ManualAssignmentTests(BrokerFixture broker)
{
    [Fact]
    public async Task An_assignment_reads_only_its_partition_from_the_given_offset()
    {
        var topic = await broker.CreateTopicAsync("assign", 3);
        await new NoteProducer(new ProducerOptions(broker.BootstrapServers, topic, 30, TimeSpan.FromSeconds(30)) { KeyStrategy = KeyStrategy.Uuid, Quiet = true },
            new StringWriter(), new ListLogger()).RunAsync(CancellationToken.None);
        var stored = TopicReader.ReadAll(broker.BootstrapServers, topic, 30);
        var inPartition1 = stored.Count(r => r.Partition.Value == 1);
        var received = new List<ConsumedMessage>();

        await new NoteConsumer(new ConsumerOptions(broker.BootstrapServers, [topic], "unused") { Assignment = [new PartitionAssignment(topic, 1, 2)], IdleTimeout = TimeSpan.FromSeconds(2) },
            new StringWriter(), new ListLogger(), received.Add).RunAsync(CancellationToken.None);

        Assert.All(received, m => Assert.Equal(1, m.Partition));
        Assert.Equal(Enumerable.Range(2, inPartition1 - 2).Select(o => (long)o), received.Select(m => m.Offset));
    }

    [SkippableFact]
    public async Task From_a_time_skips_what_was_produced_before_it()
    {
        Skip.If(broker.Cluster is not null, "librdkafka's mock broker does not look offsets up by timestamp (its ListOffsets answers -1); needs a real Kafka");
        var topic = await broker.CreateTopicAsync("from-time", 1);
        var producer = new ProducerOptions(broker.BootstrapServers, topic, 5, TimeSpan.FromSeconds(30)) { Quiet = true };
        await new NoteProducer(producer, new StringWriter(), new ListLogger()).RunAsync(CancellationToken.None);
        await Task.Delay(50);
        var cut = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await new NoteProducer(producer with { Count = 3 }, new StringWriter(), new ListLogger()).RunAsync(CancellationToken.None);
        var received = new List<ConsumedMessage>();

        await new NoteConsumer(new ConsumerOptions(broker.BootstrapServers, [topic], $"g-{topic}") { From = new StartPosition(StartKind.Time, cut), IdleTimeout = TimeSpan.FromSeconds(2) },
            new StringWriter(), new ListLogger(), received.Add).RunAsync(CancellationToken.None);

        Assert.Equal([5L, 6L, 7L], received.Select(m => m.Offset));
    }
}
