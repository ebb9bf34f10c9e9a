using System.Globalization;
using System.Text;
using Confluent.Kafka;
using KafkaDemo.Common.Envelopes;
using KafkaDemo.TestSupport;

namespace KafkaDemo.BrokerTests.Reliability;

/// <summary>Reads the sequence numbers the Producer stamps with <c>--sequence-header seq</c>.</summary>
public static class Sequenced
{
    public const string Header = "seq";

    public static ObservedMessage From(ConsumeResult<byte[], byte[]> result) => new(
        long.Parse(Encoding.ASCII.GetString(result.Message.Headers.GetLastBytes(Header)), CultureInfo.InvariantCulture),
        result.Message.Key is null ? null : Encoding.UTF8.GetString(result.Message.Key),
        result.Partition.Value,
        result.Offset.Value);

    public static ObservedMessage From(MessageEnvelope envelope) => new(
        long.Parse(Encoding.ASCII.GetString(envelope.Headers.Last(h => h.Key == Header).Value!), CultureInfo.InvariantCulture),
        envelope.Key is null ? null : Encoding.UTF8.GetString(envelope.Key),
        envelope.Partition!.Value,
        envelope.Offset!.Value);

    public static IReadOnlyList<ObservedMessage> Stored(string bootstrapServers, string topic, int expected) =>
        [.. TopicReader.ReadAll(bootstrapServers, topic, expected).Select(From)];

    public static IEnumerable<long> Range(long count) => Enumerable.Range(1, (int)count).Select(i => (long)i);
}
