using Confluent.Kafka;

namespace KafkaDemo.Consumer.DeadLetters;

/// <summary>Where a message that failed decoding or validation goes instead of being shown.</summary>
public interface IDeadLetterSink
{
    /// <summary>The topic the messages go to, for the log line.</summary>
    string Topic { get; }

    /// <summary>
    /// Sends <paramref name="source"/> with <paramref name="reason"/>; true only once the sink has
    /// confirmed it, because the source offset may be stored only then.
    /// </summary>
    bool TrySend(ConsumeResult<byte[], byte[]> source, string reason);
}
