namespace KafkaDemo.Producer.Keys;

/// <summary>How generated events (and input lines without a key) get their message key.</summary>
public enum KeyStrategy
{
    /// <summary>The event type: all events of one type share a partition and stay in order.</summary>
    EventType,

    /// <summary>No key: the partitioner spreads messages (librdkafka batches them per partition).</summary>
    None,

    /// <summary>A fresh random UUID per message: many distinct keys, spread evenly.</summary>
    Uuid,

    /// <summary>The same key, from <c>--key</c>, on every message: everything in one partition.</summary>
    Fixed,
}
