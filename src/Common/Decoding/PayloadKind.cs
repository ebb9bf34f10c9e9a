namespace KafkaDemo.Common.Decoding;

/// <summary>What a message value turned out to be.</summary>
public enum PayloadKind
{
    /// <summary>A JSON object that is a valid note event.</summary>
    Json,

    /// <summary>A protobuf NoteEvent (declared by its content type) with an event type.</summary>
    Protobuf,

    /// <summary>Anything shown as text: not JSON, a JSON array or scalar, or undecodable bytes.</summary>
    Plain,

    /// <summary>A null value: a delete marker on a compacted topic.</summary>
    Tombstone,

    /// <summary>Declared or shaped as an event but not a valid one; <see cref="DecodedMessage.Error"/> says why.</summary>
    Invalid,
}
