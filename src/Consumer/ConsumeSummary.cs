namespace KafkaDemo.Consumer;

/// <summary>What a Consumer run saw.</summary>
/// <param name="Consumed">Messages read and handled, whatever their outcome.</param>
/// <param name="Shown">Messages written to the output (passed the filter).</param>
/// <param name="FilteredOut">Messages skipped by the event-type filter.</param>
/// <param name="Invalid">Messages that failed decoding or validation.</param>
/// <param name="FatalError">True when the run had to stop on an error (fatal client error, DLQ failure).</param>
public sealed record ConsumeSummary(long Consumed, long Shown, long FilteredOut, long Invalid, bool FatalError)
{
    /// <summary>Invalid messages delivered to the dead-letter topic.</summary>
    public long DeadLettered { get; init; }

    /// <summary>When the first message was handled (UTC); null when none was.</summary>
    public DateTime? FirstHandledUtc { get; init; }

    /// <summary>True when no broker answered within the connect timeout, or a topic was missing.</summary>
    public bool StartFailed { get; init; }

    /// <summary>Messages per <c>topic[partition]</c>.</summary>
    public IReadOnlyDictionary<string, long> PerPartition { get; init; } = new Dictionary<string, long>();

    /// <summary>Messages per event type (JSON and protobuf events only).</summary>
    public IReadOnlyDictionary<string, long> PerEventType { get; init; } = new Dictionary<string, long>();

    /// <summary>True when the run ended without an error.</summary>
    public bool Succeeded => !FatalError && !StartFailed;
}
