using System.Net;
using System.Net.Sockets;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using KafkaDemo.Clients;
using KafkaDemo.Producer.SchemaRegistry;
using KafkaDemo.TestSupport.SchemaRegistry;

namespace KafkaDemo.UnitTests.Producer.SchemaRegistry;

public sealed class SchemaEncodersTests : IAsyncLifetime
{
    private const string Note = """{"type":"record","name":"Note","namespace":"demo","fields":[{"name":"id","type":"long"}]}""";
    private const string NoteJsonSchema = """{"type":"object","properties":{"id":{"type":"integer"}}}""";

    private InProcessSchemaRegistry _registry = null!;
    private CachedSchemaRegistryClient _client = null!;

    public Task InitializeAsync()
    {
        _registry = InProcessSchemaRegistry.Start();
        _client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _registry.Url });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _registry.DisposeAsync();
    }

    private Task<SchemaEncoders> Resolve(SchemaChoice? key, SchemaChoice? value, string? url = null) =>
        SchemaEncoders.ResolveAsync(new SchemaRegistrySettings(url ?? _registry.Url), "notes", key, value, TimeSpan.FromSeconds(5));

    private static SchemaChoice FromText(string text, SchemaType type) => new("note.schema", new Schema(text, type), null);

    [Fact]
    public async Task A_schema_file_registers_under_the_topic_subjects_with_the_id_confluents_serializer_gets()
    {
        var ours = await Resolve(FromText(Note, SchemaType.Avro), FromText(Note, SchemaType.Avro));
        var record = new Avro.Generic.GenericRecord((Avro.RecordSchema)Avro.Schema.Parse(Note));
        record.Add("id", 1L);
        var theirs = await new AvroSerializer<Avro.Generic.GenericRecord>(_client)
            .SerializeAsync(record, new SerializationContext(MessageComponentType.Value, "notes"));

        Assert.Equal(["notes-key", "notes-value"], _registry.Store.Subjects().Order());
        Assert.Equal("notes-value", ours.Value!.Subject);
        Assert.Equal(ours.Value.SchemaId, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(theirs.AsSpan(1, 4)));
        Assert.True(ours.Value.TryEncode("""{"id":1}""", out var framed, out _));
        Assert.Equal(theirs, framed);
    }

    [Fact]
    public async Task An_avro_schema_with_references_encodes_what_confluents_deserializer_reads()
    {
        const string Address = """{"type":"record","name":"Address","namespace":"demo","fields":[{"name":"city","type":"string"}]}""";
        const string Person = """{"type":"record","name":"Person","namespace":"demo","fields":[{"name":"name","type":"string"},{"name":"home","type":"demo.Address"}]}""";
        await _client.RegisterSchemaAsync("demo-address", new Schema(Address, SchemaType.Avro));
        var personId = await _client.RegisterSchemaAsync("notes-value", new Schema(Person, [new SchemaReference("demo.Address", "demo-address", 1)], SchemaType.Avro));

        var encoders = await Resolve(null, SchemaChoice.Latest);
        Assert.True(encoders.Value!.TryEncode("""{"name":"Ann","home":{"city":"Lyon"}}""", out var framed, out var error), error);
        var read = await new AvroDeserializer<Avro.Generic.GenericRecord>(_client)
            .DeserializeAsync(framed, isNull: false, new SerializationContext(MessageComponentType.Value, "notes"));

        Assert.Equal(personId, encoders.Value.SchemaId);
        Assert.Equal("Ann", read["name"]);
        Assert.Equal("Lyon", ((Avro.Generic.GenericRecord)read["home"])["city"]);
    }

    [Fact]
    public async Task An_id_or_the_latest_version_picks_the_registered_schema_and_its_encoding()
    {
        var jsonId = await _client.RegisterSchemaAsync("notes-value", new Schema(NoteJsonSchema, SchemaType.Json));
        var avroId = await _client.RegisterSchemaAsync("other-value", new Schema(Note, SchemaType.Avro));

        var latest = await Resolve(null, SchemaChoice.Latest);
        var byId = await Resolve(null, new SchemaChoice(null, null, avroId));

        Assert.IsType<JsonSchemaEncoder>(latest.Value);
        Assert.Equal(jsonId, latest.Value!.SchemaId);
        Assert.IsType<AvroEncoder>(byId.Value);
        Assert.Equal(avroId, byId.Value!.SchemaId);
        Assert.Null(byId.Key);
    }

    [Fact]
    public async Task An_unknown_id_or_an_empty_subject_is_one_line_naming_it()
    {
        var unknown = await Assert.ThrowsAsync<RegistryFailureException>(() => Resolve(null, new SchemaChoice(null, null, 999)));
        var empty = await Assert.ThrowsAsync<RegistryFailureException>(() => Resolve(null, SchemaChoice.Latest));

        Assert.Equal("schema id 999 is not in the schema registry", unknown.Message);
        Assert.Equal("subject notes-value has no schema in the registry: register one with --value-schema <file>", empty.Message);
    }

    [Fact]
    public async Task A_registry_that_does_not_answer_is_one_line_without_the_password()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var failure = await Assert.ThrowsAsync<RegistryFailureException>(() => Resolve(null, SchemaChoice.Latest, $"http://ann:hunter2@127.0.0.1:{port}"));

        Assert.StartsWith($"the schema registry at http://ann:[redacted]@127.0.0.1:{port} did not answer", failure.Message);
        Assert.DoesNotContain("hunter2", failure.Message);
        Assert.DoesNotContain('\n', failure.Message);
    }
}
