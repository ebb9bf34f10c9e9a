using System.Text;
using Google.Protobuf;

namespace KafkaDemo.Common.Events;

/// <summary>
/// A <see cref="NoteEvent"/> in protobuf, by the schema in note_event.proto (package <c>notes</c>),
/// through the classes Grpc.Tools generates from it. Decoding never throws: bytes that are not a
/// NoteEvent come back as an error text for the per-message report.
/// </summary>
public static class NoteEventProtobuf
{
    /// <summary>Encodes <paramref name="note"/>; default values (0, "") are omitted as proto3 does.</summary>
    public static byte[] Encode(NoteEvent note) =>
        new Wire.NoteEvent { Id = note.Id, EventType = note.EventType, Text = note.Text }.ToByteArray();

    /// <summary>
    /// Decodes a NoteEvent; false with <paramref name="error"/> set when the bytes are not one.
    /// Unknown fields are skipped, as protobuf readers do.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> data, out NoteEvent? note, out string? error)
    {
        try
        {
            var wire = Wire.NoteEvent.Parser.ParseFrom(data);
            note = new NoteEvent(wire.Id, wire.EventType, wire.Text);
            error = null;
            return true;
        }
        catch (InvalidProtocolBufferException e)
        {
            (note, error) = (null, $"malformed protobuf: {FirstSentence(e.Message)}");
        }
        catch (DecoderFallbackException)
        {
            // Google.Protobuf reads strings with a UTF-8 decoder that throws on invalid bytes.
            (note, error) = (null, "malformed protobuf: a string field is not valid UTF-8");
        }

        return false;
    }

    // Google.Protobuf's messages run to several sentences; the first says what was wrong.
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf('.');
        return end < 0 ? message : message[..end];
    }
}
