using System.Buffers.Binary;

namespace KafkaDemo.Common.SchemaRegistry;

/// <summary>
/// Recognises the frames Confluent's schema-registry serializers write, from bytes alone.
/// </summary>
/// <remarks>
/// <para>
/// Prefix form: magic byte 0, the schema id as a 4-byte big-endian integer, then the serialized
/// data (for Protobuf, a message-index array comes first: <see cref="ProtobufMessageIndexes"/>).
/// Header form: a <c>__key_schema_id</c> or <c>__value_schema_id</c> header holds magic byte 1 and
/// the schema's GUID (16 bytes, big-endian fields) or magic byte 0 and the id as above, followed
/// for Protobuf by the message-index array; the key or value is then the serialized data alone.
/// A header, when there is one, wins over the data's first bytes, as in Confluent's own decoder.
/// </para>
/// <para>
/// What is guessed: any value of 5 bytes or more that starts with byte 0 and names a positive id is
/// taken as framed. Nothing in the bytes can tell such a value from binary data, or from text that
/// happens to start with a NUL (<c>"\0{…}"</c> reads as a frame with a large id); only a registry
/// can say whether the id exists. Not guessed: the encoding (Avro, JSON Schema, Protobuf) is the
/// registry's answer, never read from the bytes; ids 0 and below are not framed (Confluent's
/// registry numbers schemas from 1, and the serializers write its ids only); a value that starts
/// with magic byte 1 is not framed (Confluent's decoder accepts a GUID there, but its serializers
/// put a GUID only in the header). A null value (a tombstone) is for the caller to handle first.
/// </para>
/// </remarks>
public static class SchemaFrameReader
{
    /// <summary>The header Confluent's serializers use for a key's schema identity.</summary>
    public const string KeySchemaIdHeader = "__key_schema_id";

    /// <summary>The header Confluent's serializers use for a value's schema identity.</summary>
    public const string ValueSchemaIdHeader = "__value_schema_id";

    /// <summary>The magic byte before a 4-byte schema id.</summary>
    public const byte IdMagicByte = 0;

    /// <summary>The magic byte before a 16-byte schema GUID.</summary>
    public const byte GuidMagicByte = 1;

    /// <summary>Bytes in a prefix frame before the data: the magic byte and the id.</summary>
    public const int PrefixLength = 1 + sizeof(int);

    private const int GuidFrameLength = 1 + 16;

    /// <summary>
    /// Reads the frame of a key or value, given the last <c>__key_schema_id</c> (for a key) or
    /// <c>__value_schema_id</c> (for a value) header's bytes, or null when it has none.
    /// </summary>
    public static SchemaFrame Read(ReadOnlySpan<byte> data, byte[]? schemaIdHeader) =>
        schemaIdHeader is null ? ReadPrefix(data) : ReadHeader(schemaIdHeader);

    /// <summary>Reads a prefix frame from the start of a key or value.</summary>
    public static SchemaFrame ReadPrefix(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty || data[0] != IdMagicByte)
        {
            return SchemaFrame.None;
        }

        if (data.Length < PrefixLength)
        {
            return new SchemaFrame(SchemaFrameStatus.Truncated, Problem: $"{data.Length} bytes, a frame needs {PrefixLength}");
        }

        var id = BinaryPrimitives.ReadInt32BigEndian(data[1..]);
        return id > 0
            ? new SchemaFrame(SchemaFrameStatus.Framed, SchemaFrameForm.Prefix, SchemaId: id, IdEnd: PrefixLength)
            : SchemaFrame.None;
    }

    /// <summary>Reads the schema identity a <c>__key_schema_id</c> or <c>__value_schema_id</c> header holds.</summary>
    public static SchemaFrame ReadHeader(ReadOnlySpan<byte> header)
    {
        if (header.IsEmpty)
        {
            return Malformed("the header is empty");
        }

        switch (header[0])
        {
            case IdMagicByte when header.Length >= PrefixLength:
                var id = BinaryPrimitives.ReadInt32BigEndian(header[1..]);
                return id > 0
                    ? new SchemaFrame(SchemaFrameStatus.Framed, SchemaFrameForm.Header, SchemaId: id, IdEnd: PrefixLength)
                    : Malformed($"schema id {id} is not positive");
            case IdMagicByte:
                return Malformed($"{header.Length} bytes, an id needs {PrefixLength}");
            case GuidMagicByte when header.Length >= GuidFrameLength:
                var guid = new Guid(header.Slice(1, 16), bigEndian: true);
                return new SchemaFrame(SchemaFrameStatus.Framed, SchemaFrameForm.Header, SchemaGuid: guid, IdEnd: GuidFrameLength);
            case GuidMagicByte:
                return Malformed($"{header.Length} bytes, a GUID needs {GuidFrameLength}");
            default:
                return Malformed($"magic byte {header[0]}, expected 0 or 1");
        }
    }

    private static SchemaFrame Malformed(string problem) =>
        new(SchemaFrameStatus.Malformed, SchemaFrameForm.Header, Problem: problem);
}
