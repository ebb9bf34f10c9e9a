using System.Text;
using Confluent.Kafka;
using KafkaDemo.Common;
using KafkaDemo.Common.Decoding;
using KafkaDemo.Common.SchemaRegistry;

namespace KafkaDemo.Consumer;

/// <summary>One message as the Consumer handled it: where it came from and what it decoded to.</summary>
/// <remarks>
/// Made from a consumed message, its key and headers become text on first use, only for speed:
/// most messages a filtered run reads are only counted, and the pretty line asks whether there are
/// headers worth showing without decoding any. It could go (key and headers made in the
/// constructor) if every message were shown in full anyway.
/// </remarks>
public sealed class ConsumedMessage
{
    private readonly Message<byte[], byte[]>? _source;
    private string? _key;
    private bool _keyMade;
    private IReadOnlyList<KeyValuePair<string, string>>? _headers;

    /// <param name="Topic">Source topic.</param>
    /// <param name="Partition">Source partition.</param>
    /// <param name="Offset">Offset within the partition.</param>
    /// <param name="Key">Message key as UTF-8 text; null when the message had no key.</param>
    /// <param name="Decoded">The decoded value.</param>
    /// <param name="Headers">Headers in order, values as UTF-8 text.</param>
    public ConsumedMessage(string Topic, int Partition, long Offset, string? Key, DecodedMessage Decoded, IReadOnlyList<KeyValuePair<string, string>> Headers)
        : this(Topic, Partition, Offset, Decoded, null)
    {
        (_key, _keyMade, _headers) = (Key, true, Headers);
    }

    private ConsumedMessage(string topic, int partition, long offset, DecodedMessage decoded, Message<byte[], byte[]>? source)
    {
        (this.Topic, this.Partition, this.Offset, this.Decoded, _source) = (topic, partition, offset, decoded, source);
    }

    /// <summary>Source topic.</summary>
    public string Topic { get; }

    /// <summary>Source partition.</summary>
    public int Partition { get; }

    /// <summary>Offset within the partition.</summary>
    public long Offset { get; }

    /// <summary>The decoded value.</summary>
    public DecodedMessage Decoded { get; }

    /// <summary>The key's schema-registry frame and, when a registry decoded it, its JSON; null when not framed.</summary>
    public RegistryData? KeySchema { get; private init; }

    /// <summary>The value's schema-registry frame and, when a registry decoded it, its JSON; null when not framed.</summary>
    public RegistryData? ValueSchema { get; private init; }

    /// <summary>The key as shown: its JSON when a registry decoded it, else its UTF-8 text; null for no key.</summary>
    public string? ShownKey => KeySchema?.Json ?? Key;

    /// <summary>Message key as UTF-8 text; null when the message had no key.</summary>
    public string? Key
    {
        get
        {
            if (!_keyMade)
            {
                (_key, _keyMade) = (_source!.Key is { } bytes ? Encoding.UTF8.GetString(bytes) : null, true);
            }

            return _key;
        }
    }

    /// <summary>Headers in order, values as UTF-8 text.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers ??= [.. (_source!.Headers ?? []).Select(h =>
        KeyValuePair.Create(h.Key, h.GetValueBytes() is { } bytes ? Encoding.UTF8.GetString(bytes) : string.Empty))];

    /// <summary>
    /// Whether the message has a header not named <c>content-type</c> (the line's label already
    /// tells that one), answered without turning any header value into text.
    /// </summary>
    public bool HasHeadersBesidesContentType
    {
        get
        {
            if (_headers is null && _source is not null)
            {
                var raw = _source.Headers;
                for (var i = 0; i < (raw?.Count ?? 0); i++)
                {
                    if (!ContentTypes.IsHeaderName(raw![i].Key))
                    {
                        return true;
                    }
                }

                return false;
            }

            return Headers.Any(h => !ContentTypes.IsHeaderName(h.Key));
        }
    }

    /// <summary>The headers worth showing on a line: every header except <c>content-type</c>, values as UTF-8 text.</summary>
    public IEnumerable<KeyValuePair<string, string>> HeadersBesidesContentType => Headers.Where(h => !ContentTypes.IsHeaderName(h.Key));

    /// <summary>The message of <paramref name="result"/>, its value decoded as <paramref name="decoded"/>.</summary>
    internal static ConsumedMessage From(ConsumeResult<byte[], byte[]> result, DecodedMessage decoded, RegistryData? keySchema = null, RegistryData? valueSchema = null) =>
        new(result.Topic, result.Partition.Value, result.Offset.Value, decoded, result.Message) { KeySchema = keySchema, ValueSchema = valueSchema };
}
