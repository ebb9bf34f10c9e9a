using System.Text;
using System.Text.Json;

namespace KafkaDemo.Common.Events;

/// <summary>Turns a note event into a message value and the content type that describes it.</summary>
public static class NoteEventEncoder
{
    /// <summary>The <c>content-type</c> header value for <paramref name="format"/>.</summary>
    public static string ContentTypeOf(NoteEventFormat format) => format switch
    {
        NoteEventFormat.Json => ContentTypes.Json,
        NoteEventFormat.Text => ContentTypes.PlainText,
        NoteEventFormat.Protobuf => ContentTypes.Protobuf,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The bytes of <paramref name="note"/> in <paramref name="format"/>.</summary>
    public static byte[] Encode(NoteEvent note, NoteEventFormat format) => format switch
    {
        NoteEventFormat.Json => JsonSerializer.SerializeToUtf8Bytes(note, NoteEventJsonContext.Default.NoteEvent),
        NoteEventFormat.Text => Encoding.UTF8.GetBytes(note.Text),
        NoteEventFormat.Protobuf => NoteEventProtobuf.Encode(note),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
