using KafkaDemo.Common.Encodings;
using KafkaDemo.Common.SchemaRegistry;

namespace KafkaDemo.Common.Envelopes;

/// <summary>
/// One Kafka message with its coordinates, as the Consumer writes it with <c>--output jsonl</c> and
/// the Producer reads it with <c>--input-format jsonl</c>: enough to copy or replay a topic losslessly.
/// </summary>
/// <param name="Topic">Source topic; null when unknown.</param>
/// <param name="Partition">Source partition; null when unknown.</param>
/// <param name="Offset">Source offset; null when unknown.</param>
/// <param name="Timestamp">Milliseconds since the Unix epoch; null when unknown.</param>
/// <param name="Key">Key bytes; null for no key.</param>
/// <param name="Headers">Headers in order; a header value may be null.</param>
/// <param name="Value">Value bytes; null for a tombstone.</param>
public sealed record MessageEnvelope(
    string? Topic,
    int? Partition,
    long? Offset,
    long? Timestamp,
    byte[]? Key,
    IReadOnlyList<KeyValuePair<string, byte[]?>> Headers,
    byte[]? Value)
{
    /// <summary>The key's schema-registry frame, and its JSON when decoded; null when not framed. Never read back: <see cref="Key"/> is what is replayed.</summary>
    public RegistryData? KeySchema { get; init; }

    /// <summary>The value's schema-registry frame, and its JSON when decoded; null when not framed. Never read back: <see cref="Value"/> is what is replayed.</summary>
    public RegistryData? ValueSchema { get; init; }

    /// <summary>
    /// How <see cref="Key"/> is written when no registry decoded it: <see cref="ByteEncoding.Text"/>
    /// writes UTF-8 as a string and other bytes as base64; hex and base64 write every key so,
    /// flagged by <c>"key_encoding"</c>. Never read back: the flag in the line says how to read it.
    /// </summary>
    public ByteEncoding KeyEncoding { get; init; }

    /// <summary>As <see cref="KeyEncoding"/>, for <see cref="Value"/> (text also embeds a one-line JSON value as JSON).</summary>
    public ByteEncoding ValueEncoding { get; init; }
}
