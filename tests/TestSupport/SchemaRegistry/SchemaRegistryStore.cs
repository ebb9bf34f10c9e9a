namespace KafkaDemo.TestSupport.SchemaRegistry;

/// <summary>
/// What the in-process registry knows: schemas by id, and each subject's versions in order.
/// Thread-safe; every answer is a copy.
/// </summary>
/// <remarks>
/// The registry's semantics as far as Confluent's clients can see them: a schema is identified by
/// its type, text and references, so the same schema registered again (under any subject) keeps its
/// id; a schema new to a subject becomes its next version. Schemas are compared as text, not in
/// Avro's canonical form, and no compatibility rule is checked: a real registry would refuse an
/// incompatible new version (BACKWARD by default), this one accepts it.
/// </remarks>
public sealed class SchemaRegistryStore
{
    private readonly object _gate = new();
    private readonly List<StoredSchema> _schemas = [];
    private readonly SortedDictionary<string, List<StoredSchema>> _subjects = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="schema"/> under <paramref name="subject"/>; answers its version there.</summary>
    public (StoredSchema Schema, int Version) Register(string subject, string schemaType, string schema, string referencesJson)
    {
        lock (_gate)
        {
            var stored = Find(schemaType, schema, referencesJson);
            if (stored is null)
            {
                stored = new StoredSchema(_schemas.Count + 1, Guid.NewGuid(), schemaType, schema, referencesJson);
                _schemas.Add(stored);
            }

            if (!_subjects.TryGetValue(subject, out var versions))
            {
                versions = [];
                _subjects.Add(subject, versions);
            }

            var index = versions.IndexOf(stored);
            if (index < 0)
            {
                versions.Add(stored);
                index = versions.Count - 1;
            }

            return (stored, index + 1);
        }
    }

    /// <summary>The schema with this id, or null.</summary>
    public StoredSchema? ById(int id)
    {
        lock (_gate)
        {
            return id >= 1 && id <= _schemas.Count ? _schemas[id - 1] : null;
        }
    }

    /// <summary>The schema with this GUID, or null.</summary>
    public StoredSchema? ByGuid(Guid guid)
    {
        lock (_gate)
        {
            return _schemas.Find(schema => schema.Guid == guid);
        }
    }

    /// <summary>The subjects that have at least one version, in ordinal order.</summary>
    public IReadOnlyList<string> Subjects()
    {
        lock (_gate)
        {
            return [.. _subjects.Keys];
        }
    }

    /// <summary>The subject's versions in order (version n is element n-1), or null for an unknown subject.</summary>
    public IReadOnlyList<StoredSchema>? Versions(string subject)
    {
        lock (_gate)
        {
            return _subjects.TryGetValue(subject, out var versions) ? [.. versions] : null;
        }
    }

    private StoredSchema? Find(string schemaType, string schema, string referencesJson) =>
        _schemas.Find(stored => stored.SchemaType == schemaType && stored.Schema == schema && stored.ReferencesJson == referencesJson);
}
