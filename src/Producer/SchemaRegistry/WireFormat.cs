using System.Buffers.Binary;

namespace KafkaDemo.Producer.SchemaRegistry;

/// <summary>
/// Confluent's wire format for a schema-registry framed key or value: byte 0 (the magic byte), the
/// schema id as 4 bytes big-endian, then the payload (Avro binary, or the JSON text for JSON Schema).
/// </summary>
public static class WireFormat
{
    /// <summary>Bytes before the payload.</summary>
    public const int HeaderLength = 5;

    /// <summary>The framed bytes of <paramref name="payload"/> under <paramref name="schemaId"/>.</summary>
    public static byte[] Frame(int schemaId, ReadOnlySpan<byte> payload)
    {
        var framed = new byte[HeaderLength + payload.Length];
        framed[0] = 0;
        BinaryPrimitives.WriteInt32BigEndian(framed.AsSpan(1, 4), schemaId);
        payload.CopyTo(framed.AsSpan(HeaderLength));
        return framed;
    }
}
