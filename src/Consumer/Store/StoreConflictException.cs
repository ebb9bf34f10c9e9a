namespace KafkaDemo.Consumer.Store;

/// <summary>
/// The store's offset for a partition was not the one this consumer last wrote or read: another
/// consumer of the group has written that partition since. The batch was rolled back.
/// </summary>
public sealed class StoreConflictException(string message) : Exception(message);
