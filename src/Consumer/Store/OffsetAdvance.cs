using Confluent.Kafka;

namespace KafkaDemo.Consumer.Store;

/// <summary>A partition's stored next offset moving from <paramref name="Expected"/> (null: no row yet) to <paramref name="Next"/>.</summary>
public sealed record OffsetAdvance(TopicPartition Partition, long? Expected, long Next);
