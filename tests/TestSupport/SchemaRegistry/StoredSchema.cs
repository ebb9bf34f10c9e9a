namespace KafkaDemo.TestSupport.SchemaRegistry;

/// <summary>A schema as the in-process registry holds it: once per distinct schema, whatever its subjects.</summary>
/// <param name="Id">The registry-wide id, from 1.</param>
/// <param name="Guid">The registry-wide GUID, which the header form of the frame carries.</param>
/// <param name="SchemaType"><c>AVRO</c>, <c>JSON</c> or <c>PROTOBUF</c>.</param>
/// <param name="Schema">The schema text exactly as registered.</param>
/// <param name="ReferencesJson">The references as a JSON array (<c>[]</c> for none), kept as sent.</param>
public sealed record StoredSchema(int Id, Guid Guid, string SchemaType, string Schema, string ReferencesJson);
