namespace KafkaDemo.Common.Events;

/// <summary>The event types the demo produces, in the order the Producer cycles through them.</summary>
public static class NoteEventTypes
{
    /// <summary>A note was created.</summary>
    public const string Created = "note_created";

    /// <summary>A note was edited.</summary>
    public const string Updated = "note_updated";

    /// <summary>A note was removed.</summary>
    public const string Deleted = "note_deleted";

    /// <summary>All event types, in production order.</summary>
    public static IReadOnlyList<string> All { get; } = [Created, Updated, Deleted];
}
