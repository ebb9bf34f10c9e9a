using Confluent.SchemaRegistry;
using KafkaDemo.TestSupport.SchemaRegistry;

namespace KafkaDemo.UnitTests.TestSupport.SchemaRegistry;

// Driven through Confluent's own client, so each request is the one it really sends.
public sealed class InProcessSchemaRegistryTests : IAsyncLifetime
{
    private const string NoteV1 = """{"type":"record","name":"Note","fields":[{"name":"id","type":"long"}]}""";
    private const string NoteV2 = """{"type":"record","name":"Note","fields":[{"name":"id","type":"long"},{"name":"text","type":"string","default":""}]}""";
    private const string JsonNote = """{"type":"object","properties":{"id":{"type":"integer"}}}""";

    private InProcessSchemaRegistry _registry = null!;

    public Task InitializeAsync()
    {
        _registry = InProcessSchemaRegistry.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _registry.DisposeAsync();

    [Fact]
    public async Task The_same_schema_keeps_its_id_and_a_new_one_becomes_the_next_version()
    {
        var first = await NewClient().RegisterSchemaWithResponseAsync("notes-value", new Schema(NoteV1, SchemaType.Avro));
        var again = await NewClient().RegisterSchemaWithResponseAsync("notes-value", new Schema(NoteV1, SchemaType.Avro));
        var second = await NewClient().RegisterSchemaWithResponseAsync("notes-value", new Schema(NoteV2, SchemaType.Avro));

        Assert.Equal((first.Id, 1), (again.Id, again.Version));
        Assert.Equal(first.Guid, again.Guid);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(2, second.Version);
        Assert.Equal(3, _registry.Requests.Count(request => request.StartsWith("POST /subjects/notes-value/versions?", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_schema_registered_under_two_subjects_has_one_id_and_a_version_in_each()
    {
        using var client = NewClient();
        var inNotes = await client.RegisterSchemaWithResponseAsync("notes-value", new Schema(NoteV1, SchemaType.Avro));
        _ = await client.RegisterSchemaWithResponseAsync("other-value", new Schema(NoteV2, SchemaType.Avro));
        var inArchive = await client.RegisterSchemaWithResponseAsync("archive-value", new Schema(NoteV1, SchemaType.Avro));

        Assert.Equal(inNotes.Id, inArchive.Id);
        Assert.Equal(1, inArchive.Version);
        Assert.Equal(["archive-value", "notes-value", "other-value"], await client.GetAllSubjectsAsync());
    }

    [Fact]
    public async Task Schemas_are_found_by_id_guid_subject_version_and_latest()
    {
        using var writer = NewClient();
        var v1 = await writer.RegisterSchemaWithResponseAsync("notes-value", new Schema(JsonNote, SchemaType.Json));
        var v2 = await writer.RegisterSchemaWithResponseAsync("notes-value", new Schema(NoteV2, SchemaType.Avro));

        using var reader = NewClient();
        var byId = await reader.GetSchemaAsync(v1.Id);
        var bySubjectAndId = await reader.GetSchemaBySubjectAndIdAsync("notes-value", v2.Id);
        var byGuid = await reader.GetSchemaByGuidAsync(v1.Guid);
        var version1 = await reader.GetRegisteredSchemaAsync("notes-value", 1, ignoreDeletedSchemas: true);
        var latest = await reader.GetLatestSchemaAsync("notes-value");

        Assert.Equal((JsonNote, SchemaType.Json), (byId.SchemaString, byId.SchemaType));
        Assert.Equal((NoteV2, SchemaType.Avro), (bySubjectAndId.SchemaString, bySubjectAndId.SchemaType));
        Assert.Equal(JsonNote, byGuid.SchemaString);
        Assert.Equal((v1.Id, 1, "notes-value", JsonNote), (version1.Id, version1.Version, version1.Subject, version1.SchemaString));
        Assert.Equal((v2.Id, 2), (latest.Id, latest.Version));
        Assert.Equal([1, 2], await reader.GetSubjectVersionsAsync("notes-value"));
    }

    [Fact]
    public async Task Lookup_finds_a_registered_schema_and_not_one_the_subject_lacks()
    {
        using var client = NewClient();
        var registered = await client.RegisterSchemaWithResponseAsync("notes-value", new Schema(NoteV1, SchemaType.Avro));

        var found = await NewClient().LookupSchemaAsync("notes-value", new Schema(NoteV1, SchemaType.Avro), ignoreDeletedSchemas: true, normalize: false);
        var missing = await Assert.ThrowsAsync<SchemaRegistryException>(() =>
            NewClient().LookupSchemaAsync("notes-value", new Schema(NoteV2, SchemaType.Avro), ignoreDeletedSchemas: true, normalize: false));

        Assert.Equal((registered.Id, 1), (found.Id, found.Version));
        Assert.Equal(40403, missing.ErrorCode);
    }

    [Fact]
    public async Task Missing_schemas_subjects_and_versions_answer_confluents_error_codes()
    {
        using var client = NewClient();
        _ = await client.RegisterSchemaWithResponseAsync("notes-value", new Schema(NoteV1, SchemaType.Avro));

        var noSchema = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.GetSchemaAsync(999));
        var noGuid = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.GetSchemaByGuidAsync(Guid.NewGuid().ToString()));
        var noSubject = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.GetLatestSchemaAsync("absent-value"));
        var noVersions = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.GetSubjectVersionsAsync("absent-value"));
        var noVersion = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.GetRegisteredSchemaAsync("notes-value", 7, ignoreDeletedSchemas: true));

        Assert.Equal((40403, 404), (noSchema.ErrorCode, (int)noSchema.Status));
        Assert.Equal(40403, noGuid.ErrorCode);
        Assert.Equal((40401, 404), (noSubject.ErrorCode, (int)noSubject.Status));
        Assert.Equal(40401, noVersions.ErrorCode);
        Assert.Equal((40402, 404), (noVersion.ErrorCode, (int)noVersion.Status));
        Assert.Contains("999", noSchema.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schema_that_is_not_json_is_refused_as_invalid()
    {
        var invalid = await Assert.ThrowsAsync<SchemaRegistryException>(() =>
            NewClient().RegisterSchemaAsync("notes-value", new Schema("{not json", SchemaType.Avro)));

        Assert.Equal((42201, 422), (invalid.ErrorCode, (int)invalid.Status));
    }

    [Fact]
    public async Task After_it_stops_the_client_finds_no_registry()
    {
        using var client = NewClient();
        await _registry.DisposeAsync();

        var down = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetSchemaAsync(1));

        Assert.IsNotType<SchemaRegistryException>(down);
    }

    private CachedSchemaRegistryClient NewClient() => new(new SchemaRegistryConfig { Url = _registry.Url, MaxRetries = 1 });
}
