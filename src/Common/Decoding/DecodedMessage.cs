using System.Text;

namespace KafkaDemo.Common.Decoding;

/// <summary>The outcome of decoding one message value. Never carries an exception.</summary>
/// <remarks>
/// The text of a value the decoder classified from its bytes is made on first use, only for speed:
/// a consumer that filters by event type counts most messages without ever showing them
/// (docs/performance.md has what it bought). It could go if decoding always made the string.
/// </remarks>
public sealed class DecodedMessage : IEquatable<DecodedMessage>
{
    private readonly byte[]? _utf8;
    private string? _text;

    /// <param name="Kind">How the value was classified.</param>
    /// <param name="Text">The value as text (see <see cref="Text"/>).</param>
    /// <param name="EventType">The event's <c>event_type</c>, for <see cref="PayloadKind.Json"/> and <see cref="PayloadKind.Protobuf"/>.</param>
    /// <param name="Error">Why the value is <see cref="PayloadKind.Invalid"/>; null otherwise.</param>
    /// <param name="IsValidUtf8">False when the raw bytes were not valid UTF-8.</param>
    public DecodedMessage(PayloadKind Kind, string Text, string? EventType = null, string? Error = null, bool IsValidUtf8 = true)
        : this(Kind, (byte[]?)null, EventType, Error, IsValidUtf8) => _text = Text;

    private DecodedMessage(PayloadKind kind, byte[]? utf8, string? eventType, string? error, bool isValidUtf8)
    {
        Kind = kind;
        _utf8 = utf8;
        EventType = eventType;
        Error = error;
        IsValidUtf8 = isValidUtf8;
    }

    /// <summary>How the value was classified.</summary>
    public PayloadKind Kind { get; }

    /// <summary>
    /// The value as text: UTF-8 decoded, with U+FFFD in place of invalid bytes; empty for a tombstone.
    /// </summary>
    public string Text => _text ??= Encoding.UTF8.GetString(_utf8!);

    /// <summary>The event's <c>event_type</c>, for <see cref="PayloadKind.Json"/> and <see cref="PayloadKind.Protobuf"/> only.</summary>
    public string? EventType { get; }

    /// <summary>Why the value is <see cref="PayloadKind.Invalid"/>; null otherwise.</summary>
    public string? Error { get; }

    /// <summary>False when the raw bytes were not valid UTF-8.</summary>
    public bool IsValidUtf8 { get; }

    /// <summary>A message whose <see cref="Text"/> is <paramref name="value"/> decoded when first asked for.</summary>
    internal static DecodedMessage FromBytes(PayloadKind kind, byte[] value, string? eventType = null, string? error = null, bool isValidUtf8 = true) =>
        new(kind, value, eventType, error, isValidUtf8);

    /// <inheritdoc />
    public bool Equals(DecodedMessage? other) =>
        other is not null && Kind == other.Kind && Text == other.Text && EventType == other.EventType && Error == other.Error && IsValidUtf8 == other.IsValidUtf8;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DecodedMessage);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Text, EventType, Error, IsValidUtf8);

    /// <inheritdoc />
    public override string ToString() => $"{Kind} ({EventType ?? Error ?? "no event type"}): {Text}";
}
