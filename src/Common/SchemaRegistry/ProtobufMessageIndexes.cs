namespace KafkaDemo.Common.SchemaRegistry;

/// <summary>
/// The message-index array Confluent's Protobuf serializer writes after the schema id: which
/// message of the .proto file the data is, as a path of indexes (first top-level message: [0]).
/// </summary>
/// <remarks>
/// A count, then that many indexes, each a zig-zag varint as Kafka's own varints are. A count of 0
/// is the short form of [0], the common case. Only a registry's answer that the schema is Protobuf
/// says that these bytes are there; for Avro and JSON Schema the data follows the id directly.
/// </remarks>
public static class ProtobufMessageIndexes
{
    // A 32-bit varint takes at most 5 bytes; a longer one is not a varint Confluent wrote.
    private const int MaxVarintBytes = 5;

    /// <summary>
    /// Reads the array from the start of <paramref name="bytes"/>. On success, <paramref name="indexes"/>
    /// is the path and <paramref name="length"/> the bytes it took; otherwise <paramref name="problem"/>
    /// says what is wrong (cut short, a negative count or index, a varint too long).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out int[] indexes, out int length, out string? problem)
    {
        indexes = [];
        length = 0;
        if (!TryReadZigZag(bytes, ref length, out var count, out problem))
        {
            return false;
        }

        if (count == 0)
        {
            indexes = [0];
            return true;
        }

        // Each index takes at least one byte, so a count larger than what is left is known bad
        // before anything is allocated for it.
        if (count < 0 || count > bytes.Length - length)
        {
            problem = count < 0 ? $"message-index count {count} is negative" : $"message-index count {count} runs past the data";
            return false;
        }

        var path = new int[count];
        for (var i = 0; i < count; i++)
        {
            if (!TryReadZigZag(bytes, ref length, out path[i], out problem))
            {
                return false;
            }

            if (path[i] < 0)
            {
                problem = $"message index {path[i]} is negative";
                return false;
            }
        }

        indexes = path;
        return true;
    }

    private static bool TryReadZigZag(ReadOnlySpan<byte> bytes, ref int offset, out int value, out string? problem)
    {
        uint raw = 0;
        for (var i = 0; i < MaxVarintBytes; i++)
        {
            if (offset >= bytes.Length)
            {
                value = 0;
                problem = "the message-index array is cut short";
                return false;
            }

            var b = bytes[offset++];
            raw |= (uint)(b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0)
            {
                value = (int)(raw >> 1) ^ -(int)(raw & 1);
                problem = null;
                return true;
            }
        }

        value = 0;
        problem = "a message-index varint is longer than 5 bytes";
        return false;
    }
}
