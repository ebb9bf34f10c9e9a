using System.Buffers;
using System.Buffers.Binary;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace KafkaDemo.Consumer.SchemaRegistry;

/// <summary>
/// Protobuf data shown by field number, as <c>protoc --decode_raw</c> does, since no served package
/// turns a registry's .proto text into a descriptor: a JSON object whose names are the field numbers,
/// a field met more than once becoming an array. Varints and fixed-width fields are numbers
/// (unsigned: without the schema a sint or a negative int cannot be told from a large number);
/// a length-delimited field is a nested object when its bytes parse wholly as a message, else text
/// when they are UTF-8, else hex. Groups (deprecated wire types 3 and 4) are not read.
/// </summary>
internal static class ProtobufRawJson
{
    private const int MaxDepth = 32;

    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The fields of <paramref name="data"/> as JSON; false with the reason when it is not Protobuf data.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out string json, out string? error)
    {
        json = string.Empty;
        if (!TryParse(data, 0, out var fields, out error))
        {
            return false;
        }

        var buffer = new ArrayBufferWriter<byte>(data.Length * 2 + 16);
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            Write(writer, fields);
        }

        json = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        return true;
    }

    private static bool TryParse(ReadOnlySpan<byte> data, int depth, out List<(ulong Number, object Value)> fields, out string? error)
    {
        fields = [];
        var position = 0;
        while (position < data.Length)
        {
            if (!TryVarint(data, ref position, out var tag) || tag >> 3 == 0)
            {
                error = $"no field tag at byte {position}";
                return false;
            }

            var value = ReadValue(data, ref position, (int)(tag & 7), depth);
            if (value is null)
            {
                error = $"field {tag >> 3} (wire type {tag & 7}) cannot be read at byte {position}";
                return false;
            }

            fields.Add((tag >> 3, value));
        }

        error = null;
        return true;
    }

    private static object? ReadValue(ReadOnlySpan<byte> data, ref int position, int wireType, int depth)
    {
        switch (wireType)
        {
            case 0:
                return TryVarint(data, ref position, out var number) ? number : null;
            case 1 when position + 8 <= data.Length:
                position += 8;
                return BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(position - 8, 8));
            case 5 when position + 4 <= data.Length:
                position += 4;
                return (ulong)BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(position - 4, 4));
            case 2 when TryVarint(data, ref position, out var length) && length <= (ulong)(data.Length - position):
                position += (int)length;
                return Nested(data.Slice(position - (int)length, (int)length), depth);
            default:
                return null;
        }
    }

    private static object Nested(ReadOnlySpan<byte> bytes, int depth)
    {
        if (!bytes.IsEmpty && depth < MaxDepth && TryParse(bytes, depth + 1, out var fields, out _))
        {
            return fields;
        }

        return Utf8.IsValid(bytes) ? System.Text.Encoding.UTF8.GetString(bytes) : Convert.ToHexString(bytes);
    }

    private static bool TryVarint(ReadOnlySpan<byte> data, ref int position, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && position < data.Length; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }

    private static void Write(Utf8JsonWriter writer, List<(ulong Number, object Value)> fields)
    {
        writer.WriteStartObject();
        foreach (var group in fields.GroupBy(f => f.Number))
        {
            writer.WritePropertyName(group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var values = group.Select(f => f.Value).ToList();
            if (values.Count > 1)
            {
                writer.WriteStartArray();
            }

            foreach (var value in values)
            {
                WriteValue(writer, value);
            }

            if (values.Count > 1)
            {
                writer.WriteEndArray();
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case ulong number:
                writer.WriteNumberValue(number);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            default:
                Write(writer, (List<(ulong, object)>)value);
                break;
        }
    }
}
