namespace KafkaDemo.Producer;

/// <summary>What <c>--create-topic</c> asks for when the topic does not exist.</summary>
/// <param name="Partitions">Partition count.</param>
/// <param name="ReplicationFactor">Replicas per partition; -1 takes the broker's default.</param>
/// <param name="Compact">True for <c>cleanup.policy=compact</c>: Kafka keeps the latest value per key.</param>
public sealed record TopicCreation(int Partitions, short ReplicationFactor, bool Compact);
