using System.Text;

namespace KafkaDemo.Common.Partitioning;

/// <summary>Predicts the partition of a key under each <see cref="PartitionerKind"/>.</summary>
public static class KeyPartitioner
{
    /// <summary>The names used on the command line, in <see cref="PartitionerKind"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["murmur2", "crc32", "uuid-modulo"];

    /// <summary>The command-line name of <paramref name="kind"/>.</summary>
    public static string NameOf(PartitionerKind kind) => Names[(int)kind];

    /// <summary>The kind named <paramref name="name"/> on the command line.</summary>
    public static PartitionerKind Parse(string name) => (PartitionerKind)IndexOf(name);

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
            PartitionerKind.Crc32 => key.IsEmpty ? null : (int)(Crc32.Hash(key) % (uint)partitionCount),
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

    private static int IndexOf(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new ArgumentException($"unknown partitioner '{name}'", nameof(name));
    }
}
