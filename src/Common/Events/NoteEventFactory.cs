namespace KafkaDemo.Common.Events;

/// <summary>Builds the deterministic sequence of demo events the Producer sends.</summary>
public static class NoteEventFactory
{
    /// <summary>
    /// The event with sequence number <paramref name="id"/> (1-based): event types cycle
    /// created, updated, deleted, so any run of three covers each type once.
    /// </summary>
    public static NoteEvent Create(int id)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(id, 1);
        var eventType = NoteEventTypes.All[(id - 1) % NoteEventTypes.All.Count];
        var verb = eventType[(eventType.IndexOf('_') + 1)..];
        return new NoteEvent(id, eventType, $"Note {((id - 1) / NoteEventTypes.All.Count) + 1} {verb}");
    }
}
