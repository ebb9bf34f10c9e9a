namespace KafkaDemo.Consumer.Topics;

/// <summary>One partition of the cluster listing.</summary>
/// <param name="Partition">Partition number.</param>
/// <param name="Leader">Id of the leader broker; -1 when it has none.</param>
/// <param name="Replicas">Ids of the brokers holding a replica.</param>
/// <param name="InSync">Ids of the replicas in sync with the leader.</param>
/// <param name="Low">Low watermark: the oldest offset still kept.</param>
/// <param name="High">High watermark: the offset the next message will get.</param>
public sealed record PartitionRow(int Partition, int Leader, IReadOnlyList<int> Replicas, IReadOnlyList<int> InSync, long Low, long High);
