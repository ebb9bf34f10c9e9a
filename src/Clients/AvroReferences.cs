using Confluent.SchemaRegistry;

namespace KafkaDemo.Clients;

/// <summary>
/// Parses an Avro schema that refers to named types registered under other subjects (schema
/// references): each referenced schema is fetched by subject and version, its own references
/// first, and parsed into one set of names that the schema is then parsed against.
/// </summary>
public static class AvroReferences
{
    // Deeper chains than this are taken for a cycle the registry should have refused.
    private const int MaxDepth = 32;

    /// <summary>The parsed schema; throws the client's exceptions when a referenced schema cannot be fetched.</summary>
    public static async Task<Avro.Schema> ParseAsync(Schema schema, ISchemaRegistryClient client)
    {
        if (schema.References is not { Count: > 0 })
        {
            return Avro.Schema.Parse(schema.SchemaString);
        }

        var names = new Avro.SchemaNames();
        await AddAsync(schema.References, names, client, [], 0).ConfigureAwait(false);
        return Avro.Schema.Parse(schema.SchemaString, names, null);
    }

    private static async Task AddAsync(IEnumerable<SchemaReference> references, Avro.SchemaNames names, ISchemaRegistryClient client, HashSet<(string, int)> seen, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"schema references nest deeper than {MaxDepth}");
        }

        foreach (var reference in references)
        {
            if (!seen.Add((reference.Subject, reference.Version)))
            {
                continue;
            }

            var referenced = await client.GetRegisteredSchemaAsync(reference.Subject, reference.Version).ConfigureAwait(false);
            await AddAsync(referenced.References ?? [], names, client, seen, depth + 1).ConfigureAwait(false);

            // Parsing with the shared names registers the referenced schema's named types in them.
            Avro.Schema.Parse(referenced.SchemaString, names, null);
        }
    }
}
