using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Avro;
using Avro.Generic;
using Avro.IO;

namespace KafkaDemo.Consumer.SchemaRegistry;

/// <summary>
/// Avro binary data, read with its writer's schema through Apache.Avro's generic reader, written
/// out as plain JSON: records and maps as objects, arrays as arrays, a union's value as itself
/// (not wrapped in its branch's name as Avro's own JSON encoding does, which readers of a log line
/// do not need), enums as their symbol, bytes and fixed as strings of code points 0 to 255 (as
/// Avro's JSON encoding writes them), logical types as strings (decimal exactly, dates and times
/// in ISO 8601, uuid as text) and floats that JSON cannot hold (NaN, infinities) as strings.
/// </summary>
internal static class AvroJson
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A reader for data written with <paramref name="schema"/>, made once per schema.</summary>
    public static DatumReader<object> ReaderFor(Schema schema) => new GenericDatumReader<object>(schema, schema);

    /// <summary>
    /// Reads one datum from <paramref name="data"/> and writes it as JSON; false with the reason
    /// when the bytes are not data of the schema, or leave bytes over after it.
    /// </summary>
    public static bool TryRead(DatumReader<object> reader, byte[] data, int offset, out string json, out string? error)
    {
        json = string.Empty;
        try
        {
            using var stream = new MemoryStream(data, offset, data.Length - offset, writable: false);
            var datum = reader.Read(null!, new BinaryDecoder(stream));
            if (stream.Position != stream.Length)
            {
                error = $"{stream.Length - stream.Position} bytes left over after the Avro data";
                return false;
            }

            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, s_options))
            {
                Write(writer, datum);
            }

            json = Encoding.UTF8.GetString(buffer.WrittenSpan);
            error = null;
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Apache.Avro reports bad data with several exception types (AvroException,
            // EndOfStreamException, overflow and index errors among them); each is this one
            // message's fault, not the run's.
            error = e.Message.ReplaceLineEndings(" ");
            return false;
        }
    }

    private static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case GenericRecord record:
                json.WriteStartObject();
                foreach (var field in record.Schema.Fields)
                {
                    json.WritePropertyName(field.Name);
                    Write(json, record.GetValue(field.Pos));
                }

                json.WriteEndObject();
                break;
            case GenericEnum symbol:
                json.WriteStringValue(symbol.Value);
                break;
            case GenericFixed fixedBytes:
                json.WriteStringValue(CodePoints(fixedBytes.Value));
                break;
            case byte[] bytes:
                json.WriteStringValue(CodePoints(bytes));
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case float number when float.IsFinite(number):
                json.WriteNumberValue(number);
                break;
            case double number when double.IsFinite(number):
                json.WriteNumberValue(number);
                break;
            case IDictionary map:
                json.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    json.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!);
                    Write(json, entry.Value);
                }

                json.WriteEndObject();
                break;
            case IEnumerable items:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    Write(json, item);
                }

                json.WriteEndArray();
                break;
            case DateTime instant:
                json.WriteStringValue(instant.ToString("O", CultureInfo.InvariantCulture));
                break;
            case TimeSpan time:
                json.WriteStringValue(time.ToString("c", CultureInfo.InvariantCulture));
                break;
            default:
                // Logical types without a JSON form of their own (decimal, uuid) and non-finite floats.
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string CodePoints(byte[] bytes) => Encoding.Latin1.GetString(bytes);
}
