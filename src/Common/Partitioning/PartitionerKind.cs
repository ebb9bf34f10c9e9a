namespace KafkaDemo.Common.Partitioning;

/// <summary>The ways a key can be mapped to a partition.</summary>
public enum PartitionerKind
{
    /// <summary>
    /// The Java client's default: <c>(murmur2(key) &amp; 0x7fffffff) % partitions</c>. librdkafka
    /// calls it <c>murmur2_random</c>. With it, .NET, Java and Python producers agree on where a key lives.
    /// </summary>
    Murmur2,

    /// <summary>librdkafka's own default, <c>consistent_random</c>: <c>crc32(key) % partitions</c>.</summary>
    Crc32,

    /// <summary>The key read as a UUID, taken as a 128-bit unsigned integer, modulo the partition count.</summary>
    UuidModulo,
}
