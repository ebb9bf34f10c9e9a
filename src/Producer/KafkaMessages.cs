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
/// <remarks>
/// Only for speed: messages whose own headers are one shared list (every generated event's, every
/// plain line's none) share one set of headers too, built once, when there is no sequence header
/// to add; Confluent.Kafka copies headers when it produces and never changes them. That saves a
/// few objects per message; it could go if producing stopped being allocation-bound.
/// </remarks>
public sealed class KafkaMessages(ProducerOptions options)
{
    private readonly KeyValuePair<string, byte[]?>[] _extraHeaders =
        [.. options.Headers.Select(h => KeyValuePair.Create<string, byte[]?>(h.Key, Encoding.UTF8.GetBytes(h.Value)))];

    // The last shared list seen and the headers built for it; read and replaced whole by any thread.
    private volatile Tuple<IReadOnlyList<KeyValuePair<string, byte[]?>>, Headers>? _shared;
    private IReadOnlyList<KeyValuePair<string, byte[]?>>? _lastMissed;

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
        if (options.SequenceHeader is not null)
        {
            return Build(outgoing);
        }

        if (_shared is { } shared && ReferenceEquals(shared.Item1, outgoing.Headers))
        {
            return shared.Item2;
        }

        // A list seen on two misses in a row is shared; a replayed envelope's own list never is.
        var headers = Build(outgoing);
        if (ReferenceEquals(Interlocked.Exchange(ref _lastMissed, outgoing.Headers), outgoing.Headers))
        {
            _shared = Tuple.Create(outgoing.Headers, headers);
        }

        return headers;
    }

    private Headers Build(OutgoingMessage outgoing)
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
