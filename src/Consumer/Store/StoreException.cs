namespace KafkaDemo.Consumer.Store;

/// <summary>The store could not be reached, migrated, read or written; the message is one line, with no password in it.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
