namespace KafkaDemo.Consumer.Topics;

/// <summary>One topic of the cluster listing, its partitions in order.</summary>
/// <param name="Name">Topic name.</param>
/// <param name="Partitions">Its partitions.</param>
public sealed record TopicRow(string Name, IReadOnlyList<PartitionRow> Partitions);
