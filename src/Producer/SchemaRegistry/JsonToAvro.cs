using System.Text.Json;
using Avro;
using Avro.Generic;

namespace KafkaDemo.Producer.SchemaRegistry;

/// <summary>
/// Reads JSON into the generic datum an Avro schema describes, by Avro's JSON encoding: a union
/// value other than null is an object with one member named by its branch (<c>{"string": "a"}</c>,
/// a named type by its full name), bytes and fixed are strings of code points 0–255, an enum is
/// its symbol, a map is an object. A record field left out takes its default, if it has one.
/// A logical type is read as its underlying type, then handed to Apache.Avro as the logical value
/// its writer converts back.
/// </summary>
public static class JsonToAvro
{
    /// <summary>The datum of <paramref name="json"/> under <paramref name="schema"/>.</summary>
    /// <exception cref="AvroJsonMismatchException">The JSON does not fit; the message names the field.</exception>
    public static object? Read(JsonElement json, Schema schema) => Read(json, schema, "");

    private static object? Read(JsonElement json, Schema schema, string path)
    {
        switch (schema)
        {
            case LogicalSchema logical:
                var underlying = Read(json, logical.BaseSchema, path);
                try
                {
                    return logical.LogicalType.ConvertToLogicalValue(underlying, logical);
                }
                catch (Exception e) when (e is AvroException or ArgumentException or InvalidCastException or OverflowException)
                {
                    throw Mismatch(path, $"not a valid {logical.LogicalTypeName}: {e.Message}");
                }

            case UnionSchema union:
                return ReadUnion(json, union, path);
            case RecordSchema record:
                return ReadRecord(json, record, path);
            case EnumSchema enumeration:
                var symbol = Expect(json, JsonValueKind.String, "an enum symbol", path).GetString()!;
                return enumeration.Contains(symbol)
                    ? new GenericEnum(enumeration, symbol)
                    : throw Mismatch(path, $"'{symbol}' is not one of {string.Join(", ", enumeration.Symbols)}");
            case FixedSchema fixedSchema:
                var fixedBytes = Bytes(json, path);
                return fixedBytes.Length == fixedSchema.Size
                    ? new GenericFixed(fixedSchema, fixedBytes)
                    : throw Mismatch(path, $"expected {fixedSchema.Size} bytes, got {fixedBytes.Length}");
            case ArraySchema array:
                Expect(json, JsonValueKind.Array, "an array", path);
                return json.EnumerateArray().Select((item, i) => Read(item, array.ItemSchema, $"{path}[{i}]")).ToArray();
            case MapSchema map:
                Expect(json, JsonValueKind.Object, "an object (a map)", path);
                return json.EnumerateObject().ToDictionary(p => p.Name, p => Read(p.Value, map.ValueSchema, Member(path, p.Name)));
        }

        return schema.Tag switch
        {
            Schema.Type.Null => json.ValueKind == JsonValueKind.Null ? null : throw Mismatch(path, $"expected null, got {Describe(json)}"),
            Schema.Type.Boolean => json.ValueKind is JsonValueKind.True or JsonValueKind.False ? json.GetBoolean() : throw Mismatch(path, $"expected a boolean, got {Describe(json)}"),
            Schema.Type.Int => Expect(json, JsonValueKind.Number, "an int", path).TryGetInt32(out var i) ? i : throw Mismatch(path, $"{json.GetRawText()} is not an int"),
            Schema.Type.Long => Expect(json, JsonValueKind.Number, "a long", path).TryGetInt64(out var l) ? l : throw Mismatch(path, $"{json.GetRawText()} is not a long"),
            Schema.Type.Float => Expect(json, JsonValueKind.Number, "a float", path).GetSingle(),
            Schema.Type.Double => Expect(json, JsonValueKind.Number, "a double", path).GetDouble(),
            Schema.Type.String => Expect(json, JsonValueKind.String, "a string", path).GetString(),
            Schema.Type.Bytes => Bytes(json, path),
            _ => throw Mismatch(path, $"schema type {schema.Tag} is not supported"),
        };
    }

    private static GenericRecord ReadRecord(JsonElement json, RecordSchema record, string path)
    {
        Expect(json, JsonValueKind.Object, $"an object (record {record.Fullname})", path);
        var result = new GenericRecord(record);
        foreach (var field in record.Fields)
        {
            var fieldPath = Member(path, field.Name);
            if (json.TryGetProperty(field.Name, out var value))
            {
                result.Add(field.Name, Read(value, field.Schema, fieldPath));
            }
            else if (field.DefaultValue is { } defaultValue)
            {
                // A default is written in the JSON encoding too, except that a union's default is
                // a bare value of its first branch.
                using var parsed = JsonDocument.Parse(defaultValue.ToString(Newtonsoft.Json.Formatting.None));
                var defaultSchema = field.Schema is UnionSchema union ? union.Schemas[0] : field.Schema;
                result.Add(field.Name, Read(parsed.RootElement, defaultSchema, fieldPath));
            }
            else
            {
                throw Mismatch(fieldPath, "missing, and it has no default");
            }
        }

        foreach (var member in json.EnumerateObject())
        {
            if (!record.Contains(member.Name))
            {
                throw Mismatch(Member(path, member.Name), $"not a field of {record.Fullname}");
            }
        }

        return result;
    }

    private static object? ReadUnion(JsonElement json, UnionSchema union, string path)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            return union.Schemas.Any(s => s.Tag == Schema.Type.Null) ? null : throw Mismatch(path, "null is not a branch of this union");
        }

        if (json.ValueKind != JsonValueKind.Object || json.EnumerateObject().Count() != 1)
        {
            throw Mismatch(path, $"a union value is null or {{\"<branch>\": value}}, got {Describe(json)}");
        }

        var member = json.EnumerateObject().First();
        var branch = union.Schemas.FirstOrDefault(s => BranchName(s) == member.Name || (s is NamedSchema named && named.Name == member.Name))
            ?? throw Mismatch(path, $"'{member.Name}' is not a branch of this union ({string.Join(", ", union.Schemas.Select(BranchName))})");
        return Read(member.Value, branch, path);
    }

    private static string BranchName(Schema schema) => schema switch
    {
        NamedSchema named => named.Fullname,
        LogicalSchema logical => BranchName(logical.BaseSchema),
        _ => schema.Tag switch
        {
            Schema.Type.Enumeration => "enum",
            _ => schema.Tag.ToString().ToLowerInvariant(),
        },
    };

    private static byte[] Bytes(JsonElement json, string path)
    {
        var text = Expect(json, JsonValueKind.String, "a string of bytes", path).GetString()!;
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            bytes[i] = text[i] <= '\u00ff' ? (byte)text[i] : throw Mismatch(path, $"character {i} is above \\u00ff, so it is not a byte");
        }

        return bytes;
    }

    private static JsonElement Expect(JsonElement json, JsonValueKind kind, string what, string path) =>
        json.ValueKind == kind ? json : throw Mismatch(path, $"expected {what}, got {Describe(json)}");

    private static string Describe(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {json.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Member(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static AvroJsonMismatchException Mismatch(string path, string reason) =>
        new(path.Length == 0 ? reason : $"field '{path}': {reason}");
}
