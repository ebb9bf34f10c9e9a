using Avro;
using Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using KafkaDemo.Common.SchemaRegistry;
using KafkaDemo.TestSupport.SchemaRegistry;
using Schema = Confluent.SchemaRegistry.Schema;

namespace KafkaDemo.UnitTests.TestSupport.SchemaRegistry;

// Confluent's serializers and deserializers against the in-process registry: what they write, they
// read back through it, and the frame they write is the one SchemaFrameReader reads.
public sealed class InProcessSchemaRegistrySerdesTests : IAsyncLifetime
{
    private const string NoteAvro = """{"type":"record","name":"Note","namespace":"demo","fields":[{"name":"id","type":"long"},{"name":"text","type":"string"}]}""";
    private const string NoteJsonSchema = """{"type":"object","properties":{"id":{"type":"integer"},"text":{"type":"string"}},"required":["id","text"]}""";

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

    [Fact]
    public async Task Avro_written_by_confluents_serializer_is_prefixed_with_the_id_and_read_back()
    {
        var context = new SerializationContext(MessageComponentType.Value, "notes");

        var bytes = await new AvroSerializer<GenericRecord>(_client).SerializeAsync(Note(42, "hello"), context);
        var back = await new AvroDeserializer<GenericRecord>(_client).DeserializeAsync(bytes, isNull: false, context);

        var registered = await _client.GetLatestSchemaAsync("notes-value");
        var frame = SchemaFrameReader.ReadPrefix(bytes);
        Assert.Equal((SchemaFrameStatus.Framed, registered.Id), (frame.Status, frame.SchemaId));
        Assert.Equal((42L, "hello"), ((long)back["id"], (string)back["text"]));
    }

    [Fact]
    public async Task Avro_with_the_id_in_a_header_carries_the_schemas_guid_and_is_read_back()
    {
        var headers = new Headers();
        var context = new SerializationContext(MessageComponentType.Value, "notes", headers);
        var config = new AvroSerializerConfig { SchemaIdStrategy = SchemaIdSerializerStrategy.Header };

        var bytes = await new AvroSerializer<GenericRecord>(_client, config).SerializeAsync(Note(7, "in a header"), context);
        var back = await new AvroDeserializer<GenericRecord>(_client).DeserializeAsync(bytes, isNull: false, context);

        var registered = await _client.GetLatestSchemaAsync("notes-value");
        var frame = SchemaFrameReader.Read(bytes, headers.GetLastBytes(SchemaFrameReader.ValueSchemaIdHeader));
        Assert.Equal((SchemaFrameStatus.Framed, SchemaFrameForm.Header), (frame.Status, frame.Form));
        Assert.Equal(Guid.Parse(registered.Guid), frame.SchemaGuid);
        Assert.Equal(0, frame.PayloadOffset);
        Assert.Equal("in a header", (string)back["text"]);
        Assert.Contains(_registry.Requests, request => request.StartsWith($"GET /schemas/guids/{registered.Guid}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_schema_written_by_confluents_serializer_is_prefixed_with_the_id_and_read_back()
    {
        var context = new SerializationContext(MessageComponentType.Value, "notes");
        var schema = new Schema(NoteJsonSchema, SchemaType.Json);

        var bytes = await new JsonSerializer<JsonNote>(_client, schema).SerializeAsync(new JsonNote { Id = 5, Text = "json" }, context);
        var back = await new JsonDeserializer<JsonNote>(_client, schema).DeserializeAsync(bytes, isNull: false, context);

        var registered = await _client.GetLatestSchemaAsync("notes-value");
        var frame = SchemaFrameReader.ReadPrefix(bytes);
        Assert.Equal((SchemaFrameStatus.Framed, registered.Id), (frame.Status, frame.SchemaId));
        Assert.Equal(SchemaType.Json, registered.SchemaType);
        Assert.Equal("""{"id":5,"text":"json"}""", System.Text.Encoding.UTF8.GetString(bytes.AsSpan(frame.PayloadOffset)));
        Assert.Equal((5, "json"), (back.Id, back.Text));
    }

    private static GenericRecord Note(long id, string text)
    {
        var record = new GenericRecord((RecordSchema)Avro.Schema.Parse(NoteAvro));
        record.Add("id", id);
        record.Add("text", text);
        return record;
    }

    public sealed class JsonNote
    {
        [Newtonsoft.Json.JsonProperty("id")]
        public int Id { get; set; }

        [Newtonsoft.Json.JsonProperty("text")]
        public string Text { get; set; } = "";
    }
}
