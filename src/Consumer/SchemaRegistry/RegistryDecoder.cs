using System.Text;
using System.Text.Json;
using KafkaDemo.Common.SchemaRegistry;

namespace KafkaDemo.Consumer.SchemaRegistry;

/// <summary>
/// Decodes a schema-registry framed key or value to JSON with the schema the registry holds for
/// its id: Avro through Apache.Avro's generic reader, JSON Schema as the JSON it already is
/// (checked to be well-formed, not validated against the schema), Protobuf by field number
/// (<see cref="ProtobufRawJson"/>). Every outcome is a <see cref="RegistryDecodeResult"/>; none throws.
/// </summary>
/// <remarks>
/// Synchronous because the Consumer's message loop is: the first message naming a schema waits
/// for the registry (bounded by the client's request timeout); the rest find it cached. One
/// decoder serves one thread (its Avro readers are not shared); consumer instances on several
/// threads each take their own and share one <see cref="RegistrySchemaCache"/>, which is thread-safe.
/// </remarks>
internal sealed class RegistryDecoder(RegistrySchemaCache schemas)
{
    private readonly Dictionary<Avro.Schema, Avro.Generic.DatumReader<object>> _avroReaders = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Decodes the key (<paramref name="isKey"/>) or value <paramref name="data"/> of a message from
    /// <paramref name="topic"/>, given its last schema-id header's bytes (null when it has none).
    /// A null <paramref name="data"/> (no key, or a tombstone) is not framed.
    /// </summary>
    public RegistryDecodeResult Decode(string topic, bool isKey, byte[]? data, byte[]? schemaIdHeader)
    {
        if (data is null)
        {
            return RegistryDecodeResult.NotFramed;
        }

        var frame = SchemaFrameReader.Read(data, schemaIdHeader);
        switch (frame.Status)
        {
            case SchemaFrameStatus.NotFramed:
                return RegistryDecodeResult.NotFramed;
            case SchemaFrameStatus.Truncated:
                return new RegistryDecodeResult(RegistryDecodeStatus.BadFrame, Error: $"truncated frame: {frame.Problem}");
            case SchemaFrameStatus.Malformed:
                var header = isKey ? SchemaFrameReader.KeySchemaIdHeader : SchemaFrameReader.ValueSchemaIdHeader;
                return new RegistryDecodeResult(RegistryDecodeStatus.BadFrame, Error: $"{header} header: {frame.Problem}");
        }

        var subject = $"{topic}-{(isKey ? "key" : "value")}";
        var lookup = schemas.Get(frame.SchemaId, frame.SchemaGuid, subject).GetAwaiter().GetResult();
        if (lookup.Schema is not { } schema)
        {
            return new RegistryDecodeResult(lookup.Failure, SchemaId: frame.SchemaId, SchemaGuid: frame.SchemaGuid, Error: lookup.Error);
        }

        var known = new RegistryDecodeResult(RegistryDecodeStatus.Decoded, null, schema.Id, frame.SchemaGuid, schema.Encoding, schema.Subject, schema.Version);
        return schema.Encoding switch
        {
            SchemaEncodings.Avro => DecodeAvro(known, schema.Avro!, data, frame.PayloadOffset),
            SchemaEncodings.JsonSchema => DecodeJson(known, data, frame.PayloadOffset),
            _ => DecodeProtobuf(known, data, frame.Form == SchemaFrameForm.Prefix ? data : schemaIdHeader!, frame),
        };
    }

    private RegistryDecodeResult DecodeAvro(RegistryDecodeResult known, Avro.Schema schema, byte[] data, int offset)
    {
        if (!_avroReaders.TryGetValue(schema, out var reader))
        {
            reader = AvroJson.ReaderFor(schema);
            _avroReaders.Add(schema, reader);
        }

        return AvroJson.TryRead(reader, data, offset, out var json, out var error)
            ? known with { Json = json }
            : Mismatch(known, error!);
    }

    private static RegistryDecodeResult DecodeJson(RegistryDecodeResult known, byte[] data, int offset)
    {
        var payload = data.AsSpan(offset);
        try
        {
            var reader = new Utf8JsonReader(payload);
            while (reader.Read())
            {
            }

            return payload.IsEmpty ? Mismatch(known, "no JSON after the frame") : known with { Json = Encoding.UTF8.GetString(payload) };
        }
        catch (JsonException e)
        {
            return Mismatch(known, $"not JSON: {e.Message}");
        }
    }

    // The message-index array follows the id, in the value or in the header; the data follows it
    // in the value, or is the whole value when a header carried the id.
    private static RegistryDecodeResult DecodeProtobuf(RegistryDecodeResult known, byte[] data, byte[] indexesSource, SchemaFrame frame)
    {
        if (!ProtobufMessageIndexes.TryRead(indexesSource.AsSpan(frame.IdEnd), out _, out var indexesLength, out var problem))
        {
            return known with { Status = RegistryDecodeStatus.BadFrame, Error = $"truncated frame: {problem}" };
        }

        var start = frame.Form == SchemaFrameForm.Prefix ? frame.IdEnd + indexesLength : 0;
        return ProtobufRawJson.TryRead(data.AsSpan(start), out var json, out var error)
            ? known with { Json = json }
            : Mismatch(known, error!);
    }

    private static RegistryDecodeResult Mismatch(RegistryDecodeResult known, string error) =>
        known with { Status = RegistryDecodeStatus.PayloadMismatch, Error = $"does not match {known.Encoding} schema {known.SchemaId?.ToString() ?? known.SchemaGuid.ToString()}: {error}" };
}
