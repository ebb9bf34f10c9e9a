using System.Text.Json;
using Confluent.SchemaRegistry;
using KafkaDemo.Cli;

namespace KafkaDemo.Producer.SchemaRegistry;

/// <summary>
/// Reads a schema file named on the command line. The file's ending says what it is (<c>.avsc</c>:
/// Avro, <c>.json</c>: JSON Schema), and it is parsed here so that a broken file is a usage error
/// before anything is registered or sent.
/// </summary>
public static class SchemaFile
{
    /// <summary>The schema in <paramref name="path"/>; <paramref name="option"/> names the flag in errors.</summary>
    /// <exception cref="UsageException">The file cannot be read, has another ending, or does not parse.</exception>
    public static Schema Read(string path, string option)
    {
        var type = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".avsc" => SchemaType.Avro,
            ".json" => SchemaType.Json,
            _ => throw new UsageException($"{option} '{path}': the file must end in .avsc (Avro) or .json (JSON Schema)."),
        };

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} '{path}' cannot be read: {e.Message}");
        }

        try
        {
            if (type == SchemaType.Avro)
            {
                // Registered in the form Confluent's AvroSerializer registers (Apache.Avro's own
                // text of the parsed schema), so that both get one id however the file is laid out.
                text = Avro.Schema.Parse(text).ToString();
            }
            else
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
                {
                    throw new JsonException("a JSON Schema is an object or a boolean");
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Apache.Avro reports a bad schema with several exception types, none of them shared.
            throw new UsageException($"{option} '{path}' is not a valid {(type == SchemaType.Avro ? "Avro schema" : "JSON Schema")}: {OneLine(e.Message)}");
        }

        return new Schema(text, type);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
