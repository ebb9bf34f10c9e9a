namespace KafkaDemo.Common.SchemaRegistry;

/// <summary>What the bytes say about a key's or value's schema-registry framing.</summary>
public enum SchemaFrameStatus
{
    /// <summary>No frame: the bytes are shown as whatever else they are.</summary>
    NotFramed,

    /// <summary>A schema id (or GUID) was read; <see cref="SchemaFrame.SchemaId"/> or <see cref="SchemaFrame.SchemaGuid"/> holds it.</summary>
    Framed,

    /// <summary>
    /// Magic byte 0 and fewer than the 5 bytes a frame needs: a frame cut short, or a short binary
    /// value that starts with 0; the bytes cannot say which. Shown as the bytes they are; a decoder
    /// that was asked to decode reports it.
    /// </summary>
    Truncated,

    /// <summary>
    /// A schema-id header that is not one: a magic byte other than 0 or 1, or too few bytes after it.
    /// A header is named for the frame, so unlike a value's first bytes it is reported, not ignored.
    /// </summary>
    Malformed,
}
