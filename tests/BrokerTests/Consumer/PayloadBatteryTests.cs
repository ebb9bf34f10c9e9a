using System.Text;
using Confluent.Kafka;
using KafkaDemo.Common.Decoding;
using KafkaDemo.Common.Events;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.DeadLetters;

namespace KafkaDemo.BrokerTests.Consumer;

[Collection(BrokerCollection.Name)]
public class PayloadBatteryTests(BrokerFixture broker)
{
    private sealed record Case(string Name, byte[]? Value, string? ContentType, PayloadKind Expected);

    private static IEnumerable<Case> Battery()
    {
        var random = new Random(42);
        byte[] RandomBytes(int length)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            bytes[0] = 0x80; // not '{', so it is not taken for a JSON object
            return bytes;
        }

        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);
        var bigEvent = JsonEvent(1, "note_created", new string('x', 1_000_000));
        yield return new("valid-event", JsonEvent(1, "note_created", "fine"), "application/json", PayloadKind.Json);
        yield return new("valid-without-header", JsonEvent(2, "note_updated", "fine"), null, PayloadKind.Json);
        yield return new("plain-text", "hello"u8.ToArray(), null, PayloadKind.Plain);
        yield return new("random-bytes", RandomBytes(512), null, PayloadKind.Plain);
        yield return new("invalid-utf8", [(byte)'a', 0xc3, 0x28, 0xff], null, PayloadKind.Plain);
        yield return new("invalid-utf8-declared-json", [(byte)'{', 0xff, (byte)'}'], "application/json", PayloadKind.Invalid);
        yield return new("json-array", "[1,2,3]"u8.ToArray(), null, PayloadKind.Plain);
        yield return new("json-array-declared", "[1,2,3]"u8.ToArray(), "application/json", PayloadKind.Invalid);
        yield return new("json-scalar-declared", "42"u8.ToArray(), "application/json", PayloadKind.Invalid);
        yield return new("missing-event-type", """{"id":1,"text":"t"}"""u8.ToArray(), null, PayloadKind.Invalid);
        yield return new("mistyped-id", """{"id":"one","event_type":"note_created"}"""u8.ToArray(), null, PayloadKind.Invalid);
        yield return new("mistyped-event-type", """{"event_type":["x"]}"""u8.ToArray(), "application/json", PayloadKind.Invalid);
        yield return new("lone-surrogate-event-type", """{"event_type":"\ud800"}"""u8.ToArray(), null, PayloadKind.Invalid);
        yield return new("deep-nesting", Encoding.UTF8.GetBytes(deep), "application/json", PayloadKind.Invalid);
        yield return new("one-megabyte-event", bigEvent, "application/json", PayloadKind.Json);
        yield return new("one-megabyte-random", RandomBytes(1_000_000), null, PayloadKind.Plain);
        yield return new("protobuf-garbage", [0x12, 0x7f, 0x01], "application/x-protobuf", PayloadKind.Invalid);
        yield return new("protobuf-event", NoteEventProtobuf.Encode(new NoteEvent(3, "note_deleted", "pb")), "application/x-protobuf", PayloadKind.Protobuf);
        yield return new("tombstone", null, null, PayloadKind.Tombstone);
        yield return new("empty", [], null, PayloadKind.Plain);
    }

    private static byte[] JsonEvent(int id, string type, string text) =>
        System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new NoteEvent(id, type, text), NoteEventJsonContext.Default.NoteEvent);

    [Fact]
    public async Task Every_bad_payload_is_classified_without_a_crash_and_the_invalid_ones_reach_the_dlq_intact()
    {
        var topic = await broker.CreateTopicAsync("battery", 1);
        var dlq = await broker.CreateTopicAsync("battery-dlq", 1);
        var cases = Battery().ToList();
        using (var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers, MessageMaxBytes = 3_000_000 }).Build())
        {
            foreach (var c in cases)
            {
                var headers = new Headers { { "case", Encoding.UTF8.GetBytes(c.Name) } };
                if (c.ContentType is not null)
                {
                    headers.Add("content-type", Encoding.UTF8.GetBytes(c.ContentType));
                }

                await producer.ProduceAsync(topic, new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes(c.Name), Value = c.Value!, Headers = headers });
            }
        }

        var received = new List<ConsumedMessage>();
        var summary = await new NoteConsumer(
            new ConsumerOptions(broker.BootstrapServers, [topic], $"g-{topic}") { DeadLetterTopic = dlq, MaxMessages = cases.Count, IdleTimeout = TimeSpan.FromSeconds(20) },
            new StringWriter(), new ListLogger(), received.Add).RunAsync(CancellationToken.None);

        Assert.True(summary.Succeeded);
        Assert.Equal(cases.Select(c => (c.Name, c.Expected)), received.Select(m => (m.Key!, m.Decoded.Kind)));
        var invalid = cases.Where(c => c.Expected == PayloadKind.Invalid).ToList();
        Assert.Equal(invalid.Count, summary.DeadLettered);

        var source = TopicReader.ReadAll(broker.BootstrapServers, topic, cases.Count).ToDictionary(r => Encoding.UTF8.GetString(r.Message.Key));
        var deadLettered = TopicReader.ReadAll(broker.BootstrapServers, dlq, invalid.Count);
        Assert.Equal(invalid.Select(c => c.Name), deadLettered.Select(r => Encoding.UTF8.GetString(r.Message.Key)));
        foreach (var letter in deadLettered)
        {
            var original = source[Encoding.UTF8.GetString(letter.Message.Key)];
            Assert.Equal(original.Message.Value, letter.Message.Value);
            Assert.Equal(original.Message.Headers.Select(h => (h.Key, h.GetValueBytes())), letter.Message.Headers.Take(original.Message.Headers.Count).Select(h => (h.Key, h.GetValueBytes())));
            Assert.Equal(topic, Header(letter, DeadLetterQueue.TopicHeader));
            Assert.Equal("0", Header(letter, DeadLetterQueue.PartitionHeader));
            Assert.Equal(original.Offset.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Header(letter, DeadLetterQueue.OffsetHeader));
            Assert.False(string.IsNullOrEmpty(Header(letter, DeadLetterQueue.ErrorHeader)));
        }
    }

    private static string Header(ConsumeResult<byte[], byte[]> result, string name) => Encoding.UTF8.GetString(result.Message.Headers.GetLastBytes(name));
}
