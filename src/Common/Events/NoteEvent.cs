namespace KafkaDemo.Common.Events;

/// <summary>
/// One change to a note: the event the Producer sends and the Consumer decodes.
/// Serialised as <c>{"id":1,"event_type":"note_created","text":"…"}</c>.
/// </summary>
/// <param name="Id">Sequence number of the event within one producer run, starting at 1.</param>
/// <param name="EventType">One of <see cref="NoteEventTypes.All"/>; also the default message key.</param>
/// <param name="Text">Free text carried by the event.</param>
public sealed record NoteEvent(int Id, string EventType, string Text);
