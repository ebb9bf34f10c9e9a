namespace KafkaDemo.Consumer.Store;

/// <summary>A row of <c>notes</c>: a note's latest state and the event that set it.</summary>
public sealed record StoredNote(long NoteId, string? Text, bool Deleted, string Topic, int Partition, long Offset);
