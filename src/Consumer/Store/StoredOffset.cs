namespace KafkaDemo.Consumer.Store;

/// <summary>A row of <c>consumer_offsets</c>: the next offset a group reads from a partition.</summary>
public sealed record StoredOffset(string GroupId, string Topic, int Partition, long NextOffset);
