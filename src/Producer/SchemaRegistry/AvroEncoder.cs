using System.Text.Json;
using Avro.Generic;
using Avro.IO;

namespace KafkaDemo.Producer.SchemaRegistry;

/// <summary>Encodes JSON as Avro binary under a registered schema, in Confluent's frame.</summary>
public sealed class AvroEncoder(int schemaId, string subject, Avro.Schema schema) : SchemaEncoder(schemaId, subject)
{
    // The writer keeps no state between calls, so the producing threads share one.
    private readonly GenericDatumWriter<object?> _writer = new(schema);

    /// <inheritdoc />
    public override bool TryEncode(string json, out byte[] framed, out string error)
    {
        framed = [];
        object? datum;
        try
        {
            using var document = JsonDocument.Parse(json);
            datum = JsonToAvro.Read(document.RootElement, schema);
        }
        catch (JsonException e)
        {
            error = $"not JSON: {e.Message}";
            return false;
        }
        catch (AvroJsonMismatchException e)
        {
            error = e.Message;
            return false;
        }

        using var stream = new MemoryStream();
        stream.Write(new byte[WireFormat.HeaderLength]);
        _writer.Write(datum, new BinaryEncoder(stream));
        framed = stream.ToArray();
        WireFormat.Frame(SchemaId, []).CopyTo(framed, 0);
        error = "";
        return true;
    }
}
