namespace KafkaDemo.Consumer;

/// <summary>When a message's offset is stored for committing.</summary>
public enum CommitMode
{
    /// <summary>
    /// librdkafka stores the offset as soon as it hands the message over, before it is handled:
    /// a crash can skip messages that were read but not yet printed (at most once).
    /// </summary>
    Auto,

    /// <summary>
    /// The offset is stored only after the message was handled (printed, or sent to the DLQ), and
    /// committed in the background, on revocation and at shutdown: a crash can replay messages but
    /// never skip one (at least once).
    /// </summary>
    AfterProcessing,
}
