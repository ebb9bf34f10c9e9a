using KafkaDemo.Common.Partitioning;

namespace KafkaDemo.Producer.Keys;

/// <summary>
/// Which partitioner the producer's client really uses: <c>--partitioner</c> when typed (it wins over
/// <c>-X</c> and <c>--config</c>), else a <c>partitioner</c> property from <c>-X</c> or the config file,
/// else the default. librdkafka has partitioners we cannot predict (random, fnv1a…): those have no kind.
/// </summary>
public static class PartitionerInUse
{
    private const string Property = "partitioner";

    /// <summary>The kind in use, or null with <paramref name="name"/> set to librdkafka's name for one we cannot predict.</summary>
    public static PartitionerKind? Of(ProducerOptions options, out string name)
    {
        name = EnumNamesOf(options.Partitioner);
        // A typed --partitioner is in the settings as its librdkafka name (uuid-modulo as murmur2's).
        if (options.Partitioner == PartitionerKind.UuidModulo || !options.ClientSettings.TryGetValue(Property, out var property)
            || property == ProducerConfigFactory.LibrdkafkaPartitioner(options.Partitioner))
        {
            return options.Partitioner;
        }

        name = property;
        return property.Trim() switch
        {
            "murmur2" or "murmur2_random" => PartitionerKind.Murmur2,
            "consistent" or "consistent_random" => PartitionerKind.Crc32,
            _ => null,
        };
    }

    private static string EnumNamesOf(PartitionerKind kind) => KafkaDemo.Common.EnumNames.NameOf(kind);
}
