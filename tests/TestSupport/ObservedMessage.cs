namespace KafkaDemo.TestSupport;

/// <summary>A message seen in a topic or by a consumer, identified by the sequence number the producer stamped.</summary>
/// <param name="Sequence">The producer's sequence number.</param>
/// <param name="Key">The message key, which defines the order to keep.</param>
/// <param name="Partition">Partition it was stored in.</param>
/// <param name="Offset">Offset within that partition.</param>
public readonly record struct ObservedMessage(long Sequence, string? Key, int Partition, long Offset);
