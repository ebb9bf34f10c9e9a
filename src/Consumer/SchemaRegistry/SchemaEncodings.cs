namespace KafkaDemo.Consumer.SchemaRegistry;

/// <summary>The names a decoded key or value's encoding is shown by (jsonl <c>value_encoding</c>).</summary>
internal static class SchemaEncodings
{
    public const string Avro = "avro";
    public const string JsonSchema = "json-schema";
    public const string Protobuf = "protobuf";

    /// <summary>The name for a registry schema type (<c>AVRO</c>, <c>JSON</c>, <c>PROTOBUF</c>).</summary>
    public static string Of(Confluent.SchemaRegistry.SchemaType type) => type switch
    {
        Confluent.SchemaRegistry.SchemaType.Json => JsonSchema,
        Confluent.SchemaRegistry.SchemaType.Protobuf => Protobuf,
        _ => Avro,
    };
}
