namespace KafkaDemo.Common.Decoding;

/// <summary>The outcome of decoding one message value. Never carries an exception.</summary>
/// <param name="Kind">How the value was classified.</param>
/// <param name="Text">
/// The value as text: UTF-8 decoded, with U+FFFD in place of invalid bytes; empty for a tombstone.
/// </param>
/// <param name="EventType">The event's <c>event_type</c>, for <see cref="PayloadKind.Json"/> only.</param>
/// <param name="Error">Why the value is <see cref="PayloadKind.Invalid"/>; null otherwise.</param>
/// <param name="IsValidUtf8">False when the raw bytes were not valid UTF-8.</param>
public sealed record DecodedMessage(
    PayloadKind Kind,
    string Text,
    string? EventType = null,
    string? Error = null,
    bool IsValidUtf8 = true);
