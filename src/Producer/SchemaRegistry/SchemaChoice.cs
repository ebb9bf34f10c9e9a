using Confluent.SchemaRegistry;

namespace KafkaDemo.Producer.SchemaRegistry;

/// <summary>
/// Which schema the command line named for keys or values: a file to register under the topic's
/// subject, an id the registry already holds, or neither (the subject's latest version).
/// </summary>
/// <param name="File">An <c>.avsc</c> (Avro) or <c>.json</c> (JSON Schema) file, or null.</param>
/// <param name="Schema">The schema read from <paramref name="File"/>, or null.</param>
/// <param name="Id">A registered schema id, or null.</param>
public sealed record SchemaChoice(string? File, Schema? Schema, int? Id)
{
    /// <summary>The subject's latest version.</summary>
    public static SchemaChoice Latest { get; } = new(null, null, null);
}
