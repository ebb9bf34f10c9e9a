using System.Text;
using KafkaDemo.Producer;
using KafkaDemo.Producer.Sources;

namespace KafkaDemo.UnitTests.Producer;

public class KafkaMessagesTests
{
    private static OutgoingMessage Outgoing(long? timestamp = null) => new(
        Encoding.UTF8.GetBytes("k"), Encoding.UTF8.GetBytes("v"),
        [KeyValuePair.Create<string, byte[]?>("content-type", Encoding.UTF8.GetBytes("application/json"))],
        Partition: null, timestamp, Label: "note_created", Sequence: 42);

    [Fact]
    public void The_messages_own_headers_come_first_then_every_extra_header_then_the_sequence()
    {
        var options = new ProducerOptions("b", "t", 1, TimeSpan.FromSeconds(1))
        {
            Headers = [KeyValuePair.Create("source", "demo")],
            SequenceHeader = "seq",
        };

        var message = new KafkaMessages(options).From(Outgoing());

        Assert.Equal(
            [("content-type", "application/json"), ("source", "demo"), ("seq", "42")],
            message.Headers.Select(h => (h.Key, Encoding.UTF8.GetString(h.GetValueBytes()))));
        Assert.Equal(("k", "v"), (Encoding.UTF8.GetString(message.Key), Encoding.UTF8.GetString(message.Value)));
    }

    [Fact]
    public void A_replayed_timestamp_is_kept_as_create_time()
    {
        var message = new KafkaMessages(new ProducerOptions("b", "t", 1, TimeSpan.FromSeconds(1))).From(Outgoing(timestamp: 1_700_000_000_123));

        Assert.Equal(1_700_000_000_123, message.Timestamp.UnixTimestampMs);
        Assert.Equal(Confluent.Kafka.TimestampType.CreateTime, message.Timestamp.Type);
    }
}
