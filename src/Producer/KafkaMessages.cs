using System.Globalization;
using System.Text;
using Confluent.Kafka;
using KafkaDemo.Producer.Sources;

namespace KafkaDemo.Producer;

/// <summary>
/// Turns an <see cref="OutgoingMessage"/> into the Kafka message librdkafka sends: its own headers,
/// then every <c>--header</c>, then the sequence header when asked for, and its timestamp if it
/// carries one (a replayed envelope does).
/// </summary>
public sealed class KafkaMessages(ProducerOptions options)
{
    private readonly KeyValuePair<string, byte[]?>[] _extraHeaders =
        [.. options.Headers.Select(h => KeyValuePair.Create<string, byte[]?>(h.Key, Encoding.UTF8.GetBytes(h.Value)))];

    /// <summary>The message to produce for <paramref name="outgoing"/>.</summary>
    public Message<byte[], byte[]> From(OutgoingMessage outgoing)
    {
        var message = new Message<byte[], byte[]> { Key = outgoing.Key!, Value = outgoing.Value!, Headers = HeadersOf(outgoing) };
        if (outgoing.Timestamp is { } timestamp)
        {
            message.Timestamp = new Timestamp(timestamp, TimestampType.CreateTime);
        }

        return message;
    }

    private Headers HeadersOf(OutgoingMessage outgoing)
    {
        var headers = new Headers();
        foreach (var (name, value) in outgoing.Headers)
        {
            headers.Add(name, value);
        }

        foreach (var (name, value) in _extraHeaders)
        {
            headers.Add(name, value);
        }

        if (options.SequenceHeader is { } sequenceHeader)
        {
            headers.Add(sequenceHeader, Encoding.ASCII.GetBytes(outgoing.Sequence.ToString(CultureInfo.InvariantCulture)));
        }

        return headers;
    }
}
