using Confluent.SchemaRegistry;
using KafkaDemo.Clients;

namespace KafkaDemo.Consumer.SchemaRegistry;

/// <summary>
/// Fetches each schema a run meets once, by id or GUID, with the topic's subject and version where
/// the registry holds it there (TopicNameStrategy: <c>topic-key</c>, <c>topic-value</c>).
/// </summary>
/// <remarks>
/// A schema, and an id the registry does not know, are remembered for the run: ids are never
/// reused for another schema (an id registered after the run met it shows from the next run). A
/// registry that did not answer is asked again only after <c>retryAfter</c>, so a topic read while
/// it is down costs one wait per interval, not one per message.
/// </remarks>
internal sealed class RegistrySchemaCache(ISchemaRegistryClient client, TimeProvider time, TimeSpan retryAfter)
{
    private readonly object _gate = new();
    private readonly Dictionary<(int? Id, Guid? Guid, string Subject), (Task<SchemaLookup> Lookup, long FetchedAt)> _entries = [];

    /// <summary>The schema named by <paramref name="id"/> or <paramref name="guid"/>, as met in <paramref name="subject"/>.</summary>
    public Task<SchemaLookup> Get(int? id, Guid? guid, string subject)
    {
        var key = (id, guid, subject);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && !Expired(entry.Lookup, entry.FetchedAt))
            {
                return entry.Lookup;
            }

            var lookup = FetchAsync(id, guid, subject);
            _entries[key] = (lookup, time.GetTimestamp());
            return lookup;
        }
    }

    private bool Expired(Task<SchemaLookup> lookup, long fetchedAt) =>
        lookup.IsCompleted && lookup.Result.Failure == RegistryDecodeStatus.RegistryUnavailable && time.GetElapsedTime(fetchedAt) >= retryAfter;

    private async Task<SchemaLookup> FetchAsync(int? id, Guid? guid, string subject)
    {
        var name = id is { } number ? $"schema id {number}" : $"schema GUID {guid}";
        Schema schema;
        try
        {
            schema = id is { } value
                ? await client.GetSchemaAsync(value).ConfigureAwait(false)
                : await client.GetSchemaByGuidAsync(guid!.Value.ToString()).ConfigureAwait(false);
        }
        catch (SchemaRegistryException e) when (e.ErrorCode == 40403)
        {
            return new SchemaLookup(null, RegistryDecodeStatus.UnknownSchema, $"{name} is not in the schema registry");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // SchemaRegistryException is an HttpRequestException too: any other answer the registry
            // gave (an error status, a refused login) means it cannot be used now either.
            var answer = e is SchemaRegistryException registry ? $"answered {registry.ErrorCode}: {registry.Message}" : $"did not answer: {e.Message}";
            return new SchemaLookup(null, RegistryDecodeStatus.RegistryUnavailable, $"the schema registry {answer}".ReplaceLineEndings(" "));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The client throws its JSON parser's exceptions when the answer is not a registry's
            // (an HTML page from a proxy), or when its contract types were trimmed away.
            return new SchemaLookup(null, RegistryDecodeStatus.RegistryUnavailable, $"the schema registry's answer could not be read: {e.Message}".ReplaceLineEndings(" "));
        }

        string encoding;
        Avro.Schema? avro = null;
        try
        {
            encoding = SchemaEncodings.Of(schema.SchemaType);
            avro = encoding == SchemaEncodings.Avro ? await AvroReferences.ParseAsync(schema, client).ConfigureAwait(false) : null;
        }
        catch (SchemaRegistryException e) when (e.ErrorCode is 40401 or 40402)
        {
            return new SchemaLookup(null, RegistryDecodeStatus.UnknownSchema, $"{name} refers to a schema the registry does not have: {e.Message}".ReplaceLineEndings(" "));
        }
        catch (HttpRequestException e)
        {
            return new SchemaLookup(null, RegistryDecodeStatus.RegistryUnavailable, $"the schema registry did not give {name}'s references: {e.Message}".ReplaceLineEndings(" "));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Apache.Avro reports a schema it cannot read with several exception types, and the
            // client one it does not know the type of with InvalidOperationException.
            return new SchemaLookup(null, RegistryDecodeStatus.UnknownSchema, $"{name} cannot be used: {e.Message}".ReplaceLineEndings(" "));
        }

        var (registeredId, version) = await FindInSubjectAsync(schema, subject).ConfigureAwait(false);
        return new SchemaLookup(new RegistrySchema(id ?? registeredId, encoding, avro, version is null ? null : subject, version));
    }

    // Subject and version are shown where the registry has them; a schema outside the topic's
    // subject, or a registry that stops answering here, only leaves them unknown.
    private async Task<(int? Id, int? Version)> FindInSubjectAsync(Schema schema, string subject)
    {
        try
        {
            var registered = await client.LookupSchemaAsync(subject, schema, ignoreDeletedSchemas: false, normalize: false).ConfigureAwait(false);
            return (registered.Id, registered.Version);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, null);
        }
    }
}
