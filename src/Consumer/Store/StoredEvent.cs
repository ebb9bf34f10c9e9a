namespace KafkaDemo.Consumer.Store;

/// <summary>One consumed event as a row of <c>note_events</c>.</summary>
/// <param name="Topic">Source topic.</param>
/// <param name="Partition">Source partition.</param>
/// <param name="Offset">Offset within the partition; with topic and partition, the row's key.</param>
/// <param name="Key">Message key as text, or null.</param>
/// <param name="EventType">The event's type; null for plain text.</param>
/// <param name="NoteId">The note's id; null when the event has none.</param>
/// <param name="Text">The note's text for an event, the whole value for plain text.</param>
/// <param name="TimestampMs">Kafka timestamp, milliseconds since the Unix epoch.</param>
/// <param name="HeadersJson">The headers as a JSON array of {"key","value"} objects.</param>
/// <param name="ConsumedAt">When the Consumer handled it (UTC).</param>
public sealed record StoredEvent(
    string Topic,
    int Partition,
    long Offset,
    string? Key,
    string? EventType,
    long? NoteId,
    string? Text,
    long TimestampMs,
    string HeadersJson,
    DateTimeOffset ConsumedAt);
