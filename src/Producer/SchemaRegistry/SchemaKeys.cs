using System.Text;
using System.Text.Json;

namespace KafkaDemo.Producer.SchemaRegistry;

/// <summary>
/// How a key meets a key schema. A key typed into an input line (before <c>--key-separator</c>) is
/// JSON, as values are; a key the Producer makes (the event type, a uuid, <c>--key</c>) is plain
/// text, so it is encoded as a JSON string, which a <c>"string"</c> schema takes.
/// </summary>
public static class SchemaKeys
{
    /// <summary>
    /// The framed key: <paramref name="typed"/> as JSON when the line gave it, else <paramref name="made"/>
    /// (UTF-8 text) as a JSON string; false with <paramref name="error"/> when it does not fit.
    /// </summary>
    public static bool TryEncode(SchemaEncoder encoder, string? typed, byte[] made, out byte[] framed, out string error) =>
        encoder.TryEncode(typed ?? JsonSerializer.Serialize(Encoding.UTF8.GetString(made), SchemaKeysJsonContext.Default.String), out framed, out error);
}
