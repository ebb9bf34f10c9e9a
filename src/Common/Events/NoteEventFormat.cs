namespace KafkaDemo.Common.Events;

/// <summary>How a note event is written into a message value.</summary>
public enum NoteEventFormat
{
    /// <summary>UTF-8 JSON, <c>application/json</c>.</summary>
    Json,

    /// <summary>The event's text alone, <c>text/plain</c>.</summary>
    Text,

    /// <summary>Protobuf NoteEvent, <c>application/x-protobuf</c>.</summary>
    Protobuf,
}
