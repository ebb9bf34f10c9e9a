namespace KafkaDemo.Common.SchemaRegistry;

/// <summary>Where a schema-registry serializer put the schema's identity.</summary>
public enum SchemaFrameForm
{
    /// <summary>In front of the key or value: magic byte 0, then the schema id (4 bytes, big-endian).</summary>
    Prefix,

    /// <summary>
    /// In a <c>__key_schema_id</c> or <c>__value_schema_id</c> header; the key or value then holds
    /// the serialized data alone.
    /// </summary>
    Header,
}
