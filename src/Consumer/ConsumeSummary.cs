namespace KafkaDemo.Consumer;

/// <summary>What a Consumer run saw.</summary>
/// <param name="Consumed">Messages read, whatever their outcome.</param>
/// <param name="Shown">Messages printed (passed the filter).</param>
/// <param name="FilteredOut">Messages skipped by the event-type filter.</param>
/// <param name="Invalid">Messages that looked like events but failed validation.</param>
/// <param name="FatalError">True when the client hit an unrecoverable error.</param>
public sealed record ConsumeSummary(long Consumed, long Shown, long FilteredOut, long Invalid, bool FatalError);
