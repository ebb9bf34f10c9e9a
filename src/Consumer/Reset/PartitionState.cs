using Confluent.Kafka;

namespace KafkaDemo.Consumer.Reset;

/// <summary>Where a group stands in one partition, and what the partition holds.</summary>
/// <param name="Partition">The partition.</param>
/// <param name="Committed">The group's committed offset; null when it has none.</param>
/// <param name="Low">Low watermark.</param>
/// <param name="High">High watermark.</param>
/// <param name="AtTime">For a time target: the first offset at or after it; null when there is none.</param>
public sealed record PartitionState(TopicPartition Partition, long? Committed, long Low, long High, long? AtTime = null);
