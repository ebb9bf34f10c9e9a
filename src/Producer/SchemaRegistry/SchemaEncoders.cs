using Confluent.SchemaRegistry;
using KafkaDemo.Clients;

namespace KafkaDemo.Producer.SchemaRegistry;

/// <summary>
/// The encoders of one run, for keys and values, found once at start: each subject's schema id is
/// asked for (or registered) a single time and kept for the run, so the registry is not on the
/// per-message path. Subjects follow TopicNameStrategy: <c>topic-key</c> and <c>topic-value</c>.
/// </summary>
/// <param name="Key">Encodes keys, or null to send them as they are.</param>
/// <param name="Value">Encodes values, or null to send them as they are.</param>
public sealed record SchemaEncoders(SchemaEncoder? Key, SchemaEncoder? Value)
{
    /// <summary>
    /// Asks the registry at <paramref name="settings"/> for the schemas chosen for <paramref name="topic"/>
    /// (null: not encoded), waiting at most <paramref name="timeout"/> for each answer.
    /// </summary>
    /// <exception cref="RegistryFailureException">The registry did not answer, refused, or lacks the schema.</exception>
    public static async Task<SchemaEncoders> ResolveAsync(SchemaRegistrySettings settings, string topic, SchemaChoice? key, SchemaChoice? value, TimeSpan timeout)
    {
        var config = settings.ToClientConfig();
        config.RequestTimeoutMs = (int)Math.Min(timeout.TotalMilliseconds, int.MaxValue);
        using var client = new CachedSchemaRegistryClient(config);
        try
        {
            return new SchemaEncoders(
                key is null ? null : await ResolveAsync(client, $"{topic}-key", key).ConfigureAwait(false),
                value is null ? null : await ResolveAsync(client, $"{topic}-value", value).ConfigureAwait(false));
        }
        catch (RegistryFailureException e)
        {
            throw new RegistryFailureException(settings.Redact(e.Message));
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // SchemaRegistryException is an HttpRequestException too: an answer we did not ask for
            // (a refused login, a server error) leaves the run without its schema just the same.
            var answer = e is SchemaRegistryException registry ? $"answered {registry.ErrorCode}: {registry.Message}" : $"did not answer: {e.Message}";
            throw new RegistryFailureException(settings.Redact($"the schema registry at {settings.DisplayUrl} {answer}".ReplaceLineEndings(" ")));
        }
    }

    private static async Task<SchemaEncoder> ResolveAsync(ISchemaRegistryClient client, string subject, SchemaChoice choice)
    {
        int id;
        Schema schema;
        if (choice is { File: { } file, Schema: { } fromFile })
        {
            schema = fromFile;
            try
            {
                id = await client.RegisterSchemaAsync(subject, schema, normalize: false).ConfigureAwait(false);
            }
            catch (SchemaRegistryException e) when (e.ErrorCode is 409 or 42201)
            {
                throw new RegistryFailureException($"the schema registry refused {file} for subject {subject}: {e.Message}".ReplaceLineEndings(" "));
            }
        }
        else if (choice.Id is { } given)
        {
            try
            {
                schema = await client.GetSchemaAsync(given).ConfigureAwait(false);
            }
            catch (SchemaRegistryException e) when (e.ErrorCode == 40403)
            {
                throw new RegistryFailureException($"schema id {given} is not in the schema registry");
            }

            id = given;
        }
        else
        {
            try
            {
                var latest = await client.GetLatestSchemaAsync(subject).ConfigureAwait(false);
                (id, schema) = (latest.Id, latest);
            }
            catch (SchemaRegistryException e) when (e.ErrorCode is 40401 or 40402)
            {
                throw new RegistryFailureException($"subject {subject} has no schema in the registry: register one with {(subject.EndsWith("-key", StringComparison.Ordinal) ? "--key-schema" : "--value-schema")} <file>");
            }
        }

        return schema.SchemaType switch
        {
            SchemaType.Avro => new AvroEncoder(id, subject, await ParseAvroAsync(client, schema, id).ConfigureAwait(false)),
            SchemaType.Json when schema.References is not { Count: > 0 } => new JsonSchemaEncoder(id, subject, schema.SchemaString),
            _ => throw new RegistryFailureException(
                $"schema id {id} for {subject} is {(schema.References is { Count: > 0 } ? "a JSON Schema that refers to other schemas" : schema.SchemaType.ToString())}; the Producer encodes Avro (references included) and JSON Schema without references"),
        };
    }

    private static async Task<Avro.Schema> ParseAvroAsync(ISchemaRegistryClient client, Schema schema, int id)
    {
        try
        {
            return await AvroReferences.ParseAsync(schema, client).ConfigureAwait(false);
        }
        catch (SchemaRegistryException e) when (e.ErrorCode is 40401 or 40402)
        {
            throw new RegistryFailureException($"schema id {id} refers to a schema the registry does not have: {e.Message}".ReplaceLineEndings(" "));
        }
    }
}
