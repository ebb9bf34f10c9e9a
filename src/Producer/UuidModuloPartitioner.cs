using Confluent.Kafka;
using KafkaDemo.Common.Partitioning;

namespace KafkaDemo.Producer;

/// <summary>
/// <c>--partitioner uuid-modulo</c>, which librdkafka does not have: a UUID key goes by its 128-bit
/// value modulo the partition count; other keys fall back to the Java-compatible hash and keyless
/// messages to a random partition, as librdkafka's own partitioners do.
/// </summary>
public static class UuidModuloPartitioner
{
    /// <summary>The partitioner delegate for <see cref="ProducerBuilder{TKey, TValue}.SetDefaultPartitioner"/>.</summary>
    public static Partition Choose(string topic, int partitionCount, ReadOnlySpan<byte> key, bool keyIsNull)
    {
        if (keyIsNull)
        {
            return new Partition(Random.Shared.Next(partitionCount));
        }

        var partition = PartitionPredictor.PartitionFor(PartitionerKind.UuidModulo, key, partitionCount)
                        ?? PartitionPredictor.PartitionFor(PartitionerKind.Murmur2, key, partitionCount)!.Value;
        return new Partition(partition);
    }
}
