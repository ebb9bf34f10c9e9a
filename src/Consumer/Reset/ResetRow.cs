using Confluent.Kafka;

namespace KafkaDemo.Consumer.Reset;

/// <summary>One line of the reset plan.</summary>
/// <param name="Partition">The partition.</param>
/// <param name="Current">The committed offset now; null when there is none.</param>
/// <param name="New">The offset to commit; null when the target does not apply (a shift without a committed offset).</param>
public sealed record ResetRow(TopicPartition Partition, long? Current, long? New);
