namespace KafkaDemo.Producer.Sources;

/// <summary>Supplies messages to one or more producing threads; implementations are thread-safe.</summary>
public interface IMessageSource
{
    /// <summary>The next message, or false when the source is exhausted.</summary>
    bool TryNext(out OutgoingMessage message);

    /// <summary>Input entries that could not be turned into messages (each already reported).</summary>
    long Rejected { get; }
}
