using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KafkaDemo.Common.Events;

/// <summary>Turns a note event into a message value and the content type that describes it.</summary>
/// <remarks>
/// Only for speed: JSON for an event whose type and text are plain (ASCII letters, digits, spaces,
/// underscores: nothing the serializer would escape) is written straight to bytes, exactly as
/// <see cref="NoteEventJsonContext"/> writes it; every other event goes through the serializer.
/// The serializer's per-call work was the largest share of a bulk Producer run's CPU spent in our
/// own code (docs/performance.md); this could go if that cost fell to that of a formatted write.
/// </remarks>
public static class NoteEventEncoder
{
    private static readonly SearchValues<char> s_plain =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _");

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
        NoteEventFormat.Json => EncodeJson(note),
        NoteEventFormat.Text => Encoding.UTF8.GetBytes(note.Text),
        NoteEventFormat.Protobuf => NoteEventProtobuf.Encode(note),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static byte[] EncodeJson(NoteEvent note)
    {
        if (note.EventType.AsSpan().ContainsAnyExcept(s_plain) || note.Text.AsSpan().ContainsAnyExcept(s_plain))
        {
            return JsonSerializer.SerializeToUtf8Bytes(note, NoteEventJsonContext.Default.NoteEvent);
        }

        Span<byte> id = stackalloc byte[11];
        note.Id.TryFormat(id, out var idLength, default, CultureInfo.InvariantCulture);
        ReadOnlySpan<byte> start = "{\"id\":"u8, type = ",\"event_type\":\""u8, text = "\",\"text\":\""u8, end = "\"}"u8;
        var bytes = new byte[start.Length + idLength + type.Length + note.EventType.Length + text.Length + note.Text.Length + end.Length];
        var at = Put(bytes, 0, start);
        at += Put(bytes, at, id[..idLength]);
        at += Put(bytes, at, type);
        at += Encoding.ASCII.GetBytes(note.EventType, bytes.AsSpan(at));
        at += Put(bytes, at, text);
        at += Encoding.ASCII.GetBytes(note.Text, bytes.AsSpan(at));
        Put(bytes, at, end);
        return bytes;
    }

    private static int Put(byte[] bytes, int at, ReadOnlySpan<byte> part)
    {
        part.CopyTo(bytes.AsSpan(at));
        return part.Length;
    }
}
