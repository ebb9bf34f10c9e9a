using System.Text;
using System.Text.Json;

namespace KafkaDemo.TestSupport.SchemaRegistry;

/// <summary>
/// The REST subset of Confluent Schema Registry that Confluent.SchemaRegistry 2.16's client sends
/// for serializing and deserializing (its Rest/RestService.cs): register, look up, schema by id or
/// GUID, subjects, versions and latest. Everything else (compatibility checks, config, mode,
/// deletion, contexts) answers Confluent's 404 body, so a test that needs it fails visibly.
/// </summary>
public sealed class SchemaRegistryRoutes(SchemaRegistryStore store)
{
    /// <summary>
    /// Answers one request. <paramref name="rawUrl"/> is the path and query as sent (segments still
    /// percent-encoded, as the client escapes subject names); query parameters the client adds
    /// (<c>normalize</c>, <c>deleted</c>, <c>subject</c>, <c>format</c>) are accepted and not acted on.
    /// </summary>
    public RegistryReply Answer(string method, string rawUrl, string body)
    {
        var query = rawUrl.IndexOf('?');
        var path = (query < 0 ? rawUrl : rawUrl[..query]).Trim('/');
        var segments = path.Split('/').Select(Uri.UnescapeDataString).ToArray();
        return (method, segments) switch
        {
            ("GET", ["schemas", "ids", var id]) => SchemaById(id),
            ("GET", ["schemas", "guids", var guid]) => SchemaByGuid(guid),
            ("GET", ["subjects"]) => new RegistryReply(200, JsonSerializer.Serialize(store.Subjects())),
            ("GET", ["subjects", var subject, "versions"]) => VersionNumbers(subject),
            ("GET", ["subjects", var subject, "versions", var version]) => Version(subject, version),
            ("POST", ["subjects", var subject, "versions"]) => WithSchema(body, (type, text, references) => Register(subject, type, text, references)),
            ("POST", ["subjects", var subject]) => WithSchema(body, (type, text, references) => Lookup(subject, type, text, references)),
            _ => RegistryReply.Error(404, "HTTP 404 Not Found"),
        };
    }

    private RegistryReply SchemaById(string id) =>
        int.TryParse(id, out var number) && store.ById(number) is { } schema
            ? new RegistryReply(200, SchemaJson(schema, subject: null, version: 0))
            : RegistryReply.SchemaNotFound(id);

    private RegistryReply SchemaByGuid(string guid) =>
        Guid.TryParse(guid, out var parsed) && store.ByGuid(parsed) is { } schema
            ? new RegistryReply(200, SchemaJson(schema, subject: null, version: 0))
            : RegistryReply.SchemaNotFound(guid);

    private RegistryReply VersionNumbers(string subject) =>
        store.Versions(subject) is { } versions
            ? new RegistryReply(200, JsonSerializer.Serialize(Enumerable.Range(1, versions.Count)))
            : RegistryReply.SubjectNotFound(subject);

    private RegistryReply Version(string subject, string version)
    {
        if (store.Versions(subject) is not { } versions)
        {
            return RegistryReply.SubjectNotFound(subject);
        }

        if (version is "latest" or "-1")
        {
            return new RegistryReply(200, SchemaJson(versions[^1], subject, versions.Count));
        }

        if (!int.TryParse(version, out var number) || number < 1)
        {
            return RegistryReply.Error(42202, $"The specified version '{version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
        }

        return number <= versions.Count
            ? new RegistryReply(200, SchemaJson(versions[number - 1], subject, number))
            : RegistryReply.VersionNotFound(version);
    }

    private RegistryReply Register(string subject, string schemaType, string schema, string referencesJson)
    {
        var (stored, version) = store.Register(subject, schemaType, schema, referencesJson);
        return new RegistryReply(200, SchemaJson(stored, subject, version));
    }

    private RegistryReply Lookup(string subject, string schemaType, string schema, string referencesJson)
    {
        if (store.Versions(subject) is not { } versions)
        {
            return RegistryReply.SubjectNotFound(subject);
        }

        var index = versions.ToList().FindIndex(stored => stored.SchemaType == schemaType && stored.Schema == schema && stored.ReferencesJson == referencesJson);
        return index < 0
            ? RegistryReply.SchemaNotFound("for this subject")
            : new RegistryReply(200, SchemaJson(versions[index], subject, index + 1));
    }

    // The body the client posts: {"schema": "...", "schemaType": "AVRO" or absent, "references": [...]}.
    private static RegistryReply WithSchema(string body, Func<string, string, string, RegistryReply> answer)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException e)
        {
            return RegistryReply.Error(400, $"The request body is not JSON: {e.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.String)
        {
            return RegistryReply.Error(42201, "Invalid schema: the request has no \"schema\" string");
        }

        var schemaType = root.TryGetProperty("schemaType", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : "AVRO";
        if (schemaType is not ("AVRO" or "JSON" or "PROTOBUF"))
        {
            return RegistryReply.Error(42201, $"Invalid schema type {schemaType}");
        }

        var text = schema.GetString()!;
        if (schemaType != "PROTOBUF" && !IsJson(text))
        {
            return RegistryReply.Error(42201, $"Invalid schema: an {schemaType} schema is JSON, and this is not");
        }

        var references = root.TryGetProperty("references", out var refs) && refs.ValueKind == JsonValueKind.Array && refs.GetArrayLength() > 0
            ? refs.GetRawText()
            : "[]";
        return answer(schemaType, text, references);
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // A schema as the registry shows it: schemaType only when not AVRO and references only when
    // there are some, as Confluent's registry leaves them out; subject and version when known.
    private static string SchemaJson(StoredSchema schema, string? subject, int version)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (subject is not null)
            {
                json.WriteString("subject", subject);
                json.WriteNumber("version", version);
            }

            json.WriteNumber("id", schema.Id);
            json.WriteString("guid", schema.Guid.ToString());
            if (schema.SchemaType != "AVRO")
            {
                json.WriteString("schemaType", schema.SchemaType);
            }

            if (schema.ReferencesJson != "[]")
            {
                json.WritePropertyName("references");
                json.WriteRawValue(schema.ReferencesJson);
            }

            json.WriteString("schema", schema.Schema);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
