using System.Text.Json;

namespace KafkaDemo.Common.Decoding;

/// <summary>
/// The event type of a value decoded somewhere else (a schema registry's Avro, say), which is shown
/// as it is, not judged as an event, but still filtered by its event type.
/// </summary>
public static class EventTypeReader
{
    /// <summary>
    /// The string <c>event_type</c> at the top of the JSON object <paramref name="utf8Json"/>, or null
    /// when there is none (or the text is not JSON), read by the same forward pass the decoder uses.
    /// </summary>
    public static string? Of(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var fields = EventFields.Read(utf8Json, MessageDecoder.MaxJsonDepth);
            return fields.Root == JsonTokenType.StartObject && fields.EventType.Kind == JsonTokenType.String ? fields.EventType.Text : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
