namespace KafkaDemo.Producer.SchemaRegistry;

/// <summary>Turns one JSON text into a framed key or value under one registered schema.</summary>
public abstract class SchemaEncoder(int schemaId, string subject)
{
    /// <summary>The registry's id of the schema, written into every frame.</summary>
    public int SchemaId { get; } = schemaId;

    /// <summary>The subject the schema was found or registered under.</summary>
    public string Subject { get; } = subject;

    /// <summary>
    /// The framed bytes of <paramref name="json"/>, or false with <paramref name="error"/> naming
    /// the field that does not fit the schema. Safe to call from several threads at once.
    /// </summary>
    public abstract bool TryEncode(string json, out byte[] framed, out string error);
}
