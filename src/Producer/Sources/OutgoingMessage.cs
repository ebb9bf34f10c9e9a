namespace KafkaDemo.Producer.Sources;

/// <summary>One message ready to produce, with what the delivery line needs to describe it.</summary>
/// <param name="Key">Key bytes, or null for no key.</param>
/// <param name="Value">Value bytes, or null for a tombstone.</param>
/// <param name="Headers">Headers of the message itself (before <c>--header</c> extras).</param>
/// <param name="Partition">Explicit partition, or null to let the partitioner decide.</param>
/// <param name="Timestamp">Milliseconds since the epoch to keep, or null for now.</param>
/// <param name="Label">Short description for the delivery line, e.g. the event type.</param>
/// <param name="Sequence">1-based position in the source: the event id, or the input line number.</param>
public sealed record OutgoingMessage(
    byte[]? Key,
    byte[]? Value,
    IReadOnlyList<KeyValuePair<string, byte[]?>> Headers,
    int? Partition,
    long? Timestamp,
    string? Label,
    long Sequence);
