using System.Text;

namespace KafkaDemo.Common.Partitioning;

/// <summary>
/// Predicts the partition a key lands in under each <see cref="PartitionerKind"/>, computed the
/// way the client's partitioner does. It only predicts: librdkafka (or, for uuid-modulo, our
/// UuidModuloPartitioner) makes the choice when a message is produced, and the tests pin the two
/// together.
/// </summary>
public static class PartitionPredictor
{
    /// <summary>
    /// The partition <paramref name="key"/> maps to among <paramref name="partitionCount"/> partitions,
    /// or null when the partitioner cannot place it deterministically: an empty key under
    /// <see cref="PartitionerKind.Crc32"/> (librdkafka spreads empty keys at random) or a key that is
    /// not a UUID under <see cref="PartitionerKind.UuidModulo"/>.
    /// </summary>
    public static int? PartitionFor(PartitionerKind kind, ReadOnlySpan<byte> key, int partitionCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        return kind switch
        {
            PartitionerKind.Murmur2 => (Murmur2.Hash(key) & 0x7fffffff) % partitionCount,
            // librdkafka's consistent_random: CRC-32 (IEEE, as in zlib) of the key.
            PartitionerKind.Crc32 => key.IsEmpty ? null : (int)(System.IO.Hashing.Crc32.HashToUInt32(key) % (uint)partitionCount),
            PartitionerKind.UuidModulo => UuidModulo(key, partitionCount),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>Convenience overload for a UTF-8 text key.</summary>
    public static int? PartitionFor(PartitionerKind kind, string key, int partitionCount) =>
        PartitionFor(kind, Encoding.UTF8.GetBytes(key), partitionCount);

    private static int? UuidModulo(ReadOnlySpan<byte> key, int partitionCount)
    {
        if (!Guid.TryParse(Encoding.UTF8.GetString(key), out var uuid))
        {
            return null;
        }

        // Python's uuid.UUID(key).int: the 16 bytes in RFC 4122 (big-endian) order as one integer.
        Span<byte> bytes = stackalloc byte[16];
        uuid.TryWriteBytes(bytes, bigEndian: true, out _);
        var value = new UInt128(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
        return (int)(value % (UInt128)partitionCount);
    }
}
