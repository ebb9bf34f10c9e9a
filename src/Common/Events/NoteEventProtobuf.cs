using System.Text;

namespace KafkaDemo.Common.Events;

/// <summary>
/// The protobuf wire format of <c>message NoteEvent { int32 id = 1; string event_type = 2; string text = 3; }</c>,
/// written by hand: three fields do not justify a code generator in the build.
/// </summary>
public static class NoteEventProtobuf
{
    private const int VarintType = 0;
    private const int LengthDelimitedType = 2;

    /// <summary>Encodes <paramref name="note"/>; default values (0, "") are omitted as proto3 does.</summary>
    public static byte[] Encode(NoteEvent note)
    {
        using var buffer = new MemoryStream();
        if (note.Id != 0)
        {
            WriteVarint(buffer, (1 << 3) | VarintType);
            // proto3 int32 encodes negative numbers as 10-byte sign-extended varints.
            WriteVarint(buffer, unchecked((ulong)(long)note.Id));
        }

        WriteString(buffer, 2, note.EventType);
        WriteString(buffer, 3, note.Text);
        return buffer.ToArray();
    }

    /// <summary>
    /// Decodes a NoteEvent; false with <paramref name="error"/> set when the bytes are not one.
    /// Unknown fields are skipped, as protobuf readers do.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> data, out NoteEvent? note, out string? error)
    {
        note = null;
        int id = 0;
        string eventType = string.Empty, text = string.Empty;
        var position = 0;

        while (position < data.Length)
        {
            if (!TryReadVarint(data, ref position, out var tag) || tag >> 3 == 0)
            {
                error = "malformed protobuf: bad field tag";
                return false;
            }

            var field = (int)(tag >> 3);
            var wireType = (int)(tag & 7);
            switch (wireType)
            {
                case VarintType:
                    if (!TryReadVarint(data, ref position, out var number))
                    {
                        error = "malformed protobuf: truncated varint";
                        return false;
                    }

                    if (field == 1)
                    {
                        id = unchecked((int)number);
                    }

                    break;
                case LengthDelimitedType:
                    if (!TryReadVarint(data, ref position, out var length) || length > (ulong)(data.Length - position))
                    {
                        error = "malformed protobuf: length runs past the end";
                        return false;
                    }

                    var bytes = data.Slice(position, (int)length);
                    position += (int)length;
                    if (field is 2 or 3)
                    {
                        if (!System.Text.Unicode.Utf8.IsValid(bytes))
                        {
                            error = $"malformed protobuf: field {field} is not valid UTF-8";
                            return false;
                        }

                        if (field == 2)
                        {
                            eventType = Encoding.UTF8.GetString(bytes);
                        }
                        else
                        {
                            text = Encoding.UTF8.GetString(bytes);
                        }
                    }

                    break;
                case 1:
                    position += 8;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    error = $"malformed protobuf: unsupported wire type {wireType}";
                    return false;
            }

            if (position > data.Length)
            {
                error = "malformed protobuf: field runs past the end";
                return false;
            }
        }

        note = new NoteEvent(id, eventType, text);
        error = null;
        return true;
    }

    private static void WriteString(Stream buffer, int field, string value)
    {
        if (value.Length == 0)
        {
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        WriteVarint(buffer, (ulong)((field << 3) | LengthDelimitedType));
        WriteVarint(buffer, (ulong)bytes.Length);
        buffer.Write(bytes);
    }

    private static void WriteVarint(Stream buffer, ulong value)
    {
        while (value >= 0x80)
        {
            buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        buffer.WriteByte((byte)value);
    }

    private static bool TryReadVarint(ReadOnlySpan<byte> data, ref int position, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                return false;
            }

            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
