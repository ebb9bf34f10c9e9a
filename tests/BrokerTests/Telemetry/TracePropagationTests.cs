using System.Diagnostics;
using KafkaDemo.Clients.Telemetry;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.Store;
using KafkaDemo.Producer;
using Microsoft.Data.Sqlite;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace KafkaDemo.BrokerTests.Telemetry;

// In the broker collection: a tracer listens to the whole process, so no other broker test runs
// beside this one and finds trace headers in its messages.
[Collection(BrokerCollection.Name)]
public sealed class TracePropagationTests(BrokerFixture broker) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("traces-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Each_message_is_one_trace_from_its_send_through_its_process_span_into_the_dlq_and_the_store()
    {
        var topic = await broker.CreateTopicAsync("traced", partitions: 3);
        var dlq = await broker.CreateTopicAsync("traced-dlq", partitions: 1);
        var store = StoreTarget.Parse($"sqlite:{Path.Combine(_directory, "notes.db")}", out _)!;
        var invalidLines = Path.Combine(_directory, "invalid.txt");
        await File.WriteAllLinesAsync(invalidLines, ["""{"id":1,"text":"no event type"}""", """{"id":2,"text":"none here either"}"""]);
        var spans = new List<Activity>();
        using (var tracer = Sdk.CreateTracerProviderBuilder()
                   .AddSource(KafkaTelemetry.SourceName)
                   .SetSampler(new SpansNamed($"send {topic}", $"process {topic}", $"send {dlq}", "store write"))
                   .AddInMemoryExporter(spans)
                   .Build())
        {
            var options = new ProducerOptions(broker.BootstrapServers, topic, 9, TimeSpan.FromSeconds(30));
            Assert.True((await new NoteProducer(options, new StringWriter(), new ListLogger()).RunAsync(CancellationToken.None)).Succeeded);
            Assert.True((await new NoteProducer(options with { Input = invalidLines }, new StringWriter(), new ListLogger()).RunAsync(CancellationToken.None)).Succeeded);

            var consumed = await new NoteConsumer(
                new ConsumerOptions(broker.BootstrapServers, [topic], $"g-{topic}") { DeadLetterTopic = dlq, Store = store, MaxMessages = 11, IdleTimeout = TimeSpan.FromSeconds(20) },
                new StringWriter(), new ListLogger()).RunAsync(CancellationToken.None);
            Assert.Equal((11, 2), (consumed.Consumed, consumed.DeadLettered));
        }

        var sends = spans.Where(s => s.DisplayName == $"send {topic}").ToList();
        var processes = spans.Where(s => s.DisplayName == $"process {topic}").ToList();
        Assert.Equal(11, sends.Count);
        Assert.Equal(11, sends.Select(s => s.TraceId).Distinct().Count());
        Assert.All(sends, s => Assert.Equal(ActivityKind.Producer, s.Kind));
        Assert.All(sends, s => Assert.Equal(topic, s.GetTagItem(MessagingAttributes.Destination)));
        Assert.All(sends, s => Assert.NotNull(s.GetTagItem(MessagingAttributes.Offset)));

        // One process span per message, a child of its send span and linked to it.
        Assert.Equal(
            sends.Select(s => Id(s.TraceId, s.SpanId)).Order(),
            processes.Select(p => Id(p.TraceId, p.ParentSpanId)).Order());
        Assert.All(processes, p => Assert.Equal((p.TraceId, p.ParentSpanId), (Assert.Single(p.Links).Context.TraceId, Assert.Single(p.Links).Context.SpanId)));
        Assert.All(processes, p => Assert.Equal(ActivityKind.Consumer, p.Kind));
        Assert.All(processes, p => Assert.Equal($"g-{topic}", p.GetTagItem(MessagingAttributes.ConsumerGroup)));

        // The two invalid lines went to the DLQ inside their own traces, under their process spans.
        var invalidSends = sends.Where(s => ((string?)s.GetTagItem(MessagingAttributes.Key)) is null).ToList();
        var letters = spans.Where(s => s.DisplayName == $"send {dlq}").ToList();
        Assert.Equal(2, letters.Count);
        Assert.Equal(
            processes.Where(p => invalidSends.Any(s => s.TraceId == p.TraceId)).Select(p => Id(p.TraceId, p.SpanId)).Order(),
            letters.Select(l => Id(l.TraceId, l.ParentSpanId)).Order());
        Assert.All(letters, l => Assert.Contains(invalidSends, s => s.SpanId == Assert.Single(l.Links).Context.SpanId));
        var deadLettered = TopicReader.ReadAll(broker.BootstrapServers, dlq, 2);
        Assert.Equal(
            letters.Select(l => Id(l.TraceId, l.SpanId)).Order(),
            deadLettered.Select(r => ActivityContext.Parse(System.Text.Encoding.UTF8.GetString(r.Message.Headers.GetLastBytes(TraceHeaders.TraceParent)), null))
                .Select(c => Id(c.TraceId, c.SpanId)).Order());

        // The store's writes link to the send span of every event they stored, once each.
        var storeLinks = spans.Where(s => s.DisplayName == "store write")
            .SelectMany(s => s.Links).Select(l => (l.Context.TraceId, l.Context.SpanId))
            .Where(l => sends.Any(s => s.TraceId == l.TraceId)).ToList();
        var stored = EventStore.OpenToRead(store)!;
        Assert.Equal(stored.EventCount(), storeLinks.Count);
        Assert.Equal(storeLinks.Count, storeLinks.Distinct().Count());
        Assert.All(storeLinks, l => Assert.Contains(sends, s => (s.TraceId, s.SpanId) == l));
        Assert.True(storeLinks.Count >= 9, $"{storeLinks.Count} events stored");
    }

    private static string Id(ActivityTraceId trace, ActivitySpanId span) => $"{trace}/{span}";
}
