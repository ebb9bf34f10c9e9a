using System.Text;
using System.Text.Json;

namespace KafkaDemo.Producer.SchemaRegistry;

/// <summary>
/// Frames JSON under a registered JSON Schema: the JSON text as given (UTF-8), once
/// <see cref="JsonSchemaCheck"/> has found that it fits.
/// </summary>
public sealed class JsonSchemaEncoder : SchemaEncoder
{
    private readonly JsonElement _schema;

    /// <summary>An encoder for <paramref name="schemaText"/>, registered as <paramref name="schemaId"/>.</summary>
    public JsonSchemaEncoder(int schemaId, string subject, string schemaText) : base(schemaId, subject)
    {
        using var document = JsonDocument.Parse(schemaText);
        _schema = document.RootElement.Clone();
    }

    /// <inheritdoc />
    public override bool TryEncode(string json, out byte[] framed, out string error)
    {
        framed = [];
        try
        {
            using var document = JsonDocument.Parse(json);
            if (JsonSchemaCheck.FirstMismatch(document.RootElement, _schema) is { } mismatch)
            {
                error = mismatch;
                return false;
            }
        }
        catch (JsonException e)
        {
            error = $"not JSON: {e.Message}";
            return false;
        }

        framed = WireFormat.Frame(SchemaId, Encoding.UTF8.GetBytes(json));
        error = "";
        return true;
    }
}
