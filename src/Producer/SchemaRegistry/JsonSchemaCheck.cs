using System.Text.Json;

namespace KafkaDemo.Producer.SchemaRegistry;

/// <summary>
/// Checks JSON against the part of JSON Schema this Producer understands: <c>type</c> (one or a
/// list), <c>enum</c>, <c>const</c>, <c>required</c>, <c>properties</c> and <c>items</c>, at any
/// depth, and the schemas <c>true</c> and <c>false</c>. Other keywords (<c>$ref</c>, <c>allOf</c>,
/// <c>pattern</c>, <c>minimum</c> and the rest) are not checked; the registry's consumers may check
/// them. It is our own because NJsonSchema, the validator Confluent's serializer uses, fails in the
/// native (Native AOT) Producer.
/// </summary>
public static class JsonSchemaCheck
{
    /// <summary>Null when <paramref name="value"/> fits <paramref name="schema"/>, else the first field that does not and why.</summary>
    public static string? FirstMismatch(JsonElement value, JsonElement schema) => Check(value, schema, "");

    private static string? Check(JsonElement value, JsonElement schema, string path)
    {
        if (schema.ValueKind is JsonValueKind.True)
        {
            return null;
        }

        if (schema.ValueKind is not JsonValueKind.Object)
        {
            return Mismatch(path, "the schema allows nothing here");
        }

        if (schema.TryGetProperty("type", out var type) && !TypeFits(value, type))
        {
            return Mismatch(path, $"expected {Describe(type)}, got {KindOf(value)}");
        }

        if (schema.TryGetProperty("enum", out var choices) && choices.ValueKind == JsonValueKind.Array
            && !choices.EnumerateArray().Any(choice => JsonElement.DeepEquals(choice, value)))
        {
            return Mismatch(path, $"{value.GetRawText()} is not one of {choices.GetRawText()}");
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            return Mismatch(path, $"must be {constant.GetRawText()}");
        }

        return value.ValueKind switch
        {
            JsonValueKind.Object => CheckObject(value, schema, path),
            JsonValueKind.Array when schema.TryGetProperty("items", out var items) && items.ValueKind is JsonValueKind.Object or JsonValueKind.False =>
                value.EnumerateArray().Select((item, i) => Check(item, items, $"{path}[{i}]")).FirstOrDefault(m => m is not null),
            _ => null,
        };
    }

    private static string? CheckObject(JsonElement value, JsonElement schema, string path)
    {
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    return Mismatch(Member(path, name), "required, and missing");
                }
            }
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in value.EnumerateObject())
            {
                if (properties.TryGetProperty(member.Name, out var memberSchema) && Check(member.Value, memberSchema, Member(path, member.Name)) is { } mismatch)
                {
                    return mismatch;
                }
            }
        }

        return null;
    }

    private static bool TypeFits(JsonElement value, JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => Fits(value, type.GetString()!),
        JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && Fits(value, t.GetString()!)),
        _ => true,
    };

    private static bool Fits(JsonElement value, string type) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && decimal.Truncate(number) == number,
        _ => false,
    };

    private static string Describe(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array ? string.Join(" or ", type.EnumerateArray().Select(t => t.ToString())) : type.ToString();

    private static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => $"number {value.GetRawText()}",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Member(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Mismatch(string path, string reason) => path.Length == 0 ? reason : $"field '{path}': {reason}";
}
