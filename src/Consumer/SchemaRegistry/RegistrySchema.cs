namespace KafkaDemo.Consumer.SchemaRegistry;

/// <summary>A schema as fetched from the registry, parsed once for all the messages that name it.</summary>
/// <param name="Id">Its id, when the frame or the registry gave one.</param>
/// <param name="Encoding"><c>avro</c>, <c>json-schema</c> or <c>protobuf</c>.</param>
/// <param name="Avro">The parsed Avro schema, for Avro only.</param>
/// <param name="Subject">The topic's subject, when the schema is one of its versions.</param>
/// <param name="Version">Its version there.</param>
internal sealed record RegistrySchema(int? Id, string Encoding, Avro.Schema? Avro, string? Subject, int? Version);
