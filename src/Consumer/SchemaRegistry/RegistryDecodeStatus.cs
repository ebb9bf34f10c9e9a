namespace KafkaDemo.Consumer.SchemaRegistry;

/// <summary>How decoding one key or value through the registry ended.</summary>
internal enum RegistryDecodeStatus
{
    /// <summary>No frame: the bytes are for the ordinary decoder.</summary>
    NotFramed,

    /// <summary>Decoded to JSON.</summary>
    Decoded,

    /// <summary>The frame is cut short or its header holds no schema identity.</summary>
    BadFrame,

    /// <summary>The registry has no schema with this id or GUID.</summary>
    UnknownSchema,

    /// <summary>The registry did not answer, or answered with an error other than "not found".</summary>
    RegistryUnavailable,

    /// <summary>The bytes after the frame are not data of the schema they name.</summary>
    PayloadMismatch,
}
