using Avro;
using Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using KafkaDemo.Common.SchemaRegistry;
using KafkaDemo.Consumer.SchemaRegistry;
using KafkaDemo.TestSupport.SchemaRegistry;
using Schema = Confluent.SchemaRegistry.Schema;

namespace KafkaDemo.UnitTests.Consumer.SchemaRegistry;

// The bytes come from Confluent's own serializers, through the in-process registry.
public sealed class RegistryDecoderTests : IAsyncLifetime
{
    private const string NoteV1 = """{"type":"record","name":"Note","namespace":"demo","fields":[{"name":"id","type":"long"}]}""";
    private const string NoteV2 = """{"type":"record","name":"Note","namespace":"demo","fields":[{"name":"id","type":"long"},{"name":"text","type":"string","default":"none"}]}""";
    private const string NoteJsonSchema = """{"type":"object","properties":{"id":{"type":"integer"}}}""";

    private InProcessSchemaRegistry _registry = null!;
    private CachedSchemaRegistryClient _producerClient = null!;
    private RegistryDecoder _decoder = null!;

    public Task InitializeAsync()
    {
        _registry = InProcessSchemaRegistry.Start();
        _producerClient = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _registry.Url });
        var consumerClient = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _registry.Url, MaxRetries = 1 });
        _decoder = new RegistryDecoder(new RegistrySchemaCache(consumerClient, TimeProvider.System, TimeSpan.FromSeconds(10)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _producerClient.Dispose();
        await _registry.DisposeAsync();
    }

    [Fact]
    public async Task Avro_from_confluents_serializer_decodes_to_json_with_id_subject_and_version()
    {
        var bytes = await SerializeAvro(NoteV1, record => record.Add("id", 42L));

        var result = _decoder.Decode("notes", isKey: false, bytes, schemaIdHeader: null);

        Assert.Equal(new RegistryDecodeResult(RegistryDecodeStatus.Decoded, """{"id":42}""", 1, null, "avro", "notes-value", 1), result);
    }

    [Fact]
    public async Task Avro_with_its_schema_in_a_header_decodes_and_shows_the_id_the_registry_gives()
    {
        var headers = new Headers();
        var config = new AvroSerializerConfig { SchemaIdStrategy = SchemaIdSerializerStrategy.Header };
        var bytes = await SerializeAvro(NoteV1, record => record.Add("id", 7L), config, headers);

        var result = _decoder.Decode("notes", isKey: false, bytes, headers.GetLastBytes(SchemaFrameReader.ValueSchemaIdHeader));

        Assert.Equal((RegistryDecodeStatus.Decoded, """{"id":7}""", 1, 1), (result.Status, result.Json, result.SchemaId, result.Version));
        Assert.NotNull(result.SchemaGuid);
    }

    [Fact]
    public async Task Avro_whose_schema_refers_to_another_subject_decodes_with_the_referenced_type()
    {
        const string Address = """{"type":"record","name":"Address","namespace":"demo","fields":[{"name":"city","type":"string"}]}""";
        const string Person = """{"type":"record","name":"Person","namespace":"demo","fields":[{"name":"name","type":"string"},{"name":"home","type":"demo.Address"}]}""";
        await _producerClient.RegisterSchemaAsync("demo-address", new Schema(Address, SchemaType.Avro));
        var personId = await _producerClient.RegisterSchemaAsync("notes-value", new Schema(Person, [new SchemaReference("demo.Address", "demo-address", 1)], SchemaType.Avro));

        // The same types written out in one schema, as the serializer's record needs them; with
        // UseLatestVersion it frames the data with the registered schema, references and all.
        var inline = Person.Replace("\"demo.Address\"", Address, StringComparison.Ordinal);
        var bytes = await SerializeAvro(inline, record =>
        {
            var home = new GenericRecord((RecordSchema)((RecordSchema)record.Schema)["home"].Schema);
            home.Add("city", "Lyon");
            record.Add("name", "Ann");
            record.Add("home", home);
        }, new AvroSerializerConfig { AutoRegisterSchemas = false, UseLatestVersion = true });

        var result = _decoder.Decode("notes", isKey: false, bytes, schemaIdHeader: null);

        Assert.Equal(new RegistryDecodeResult(RegistryDecodeStatus.Decoded, """{"name":"Ann","home":{"city":"Lyon"}}""", personId, null, "avro", "notes-value", 1), result);
    }

    [Fact]
    public async Task A_reference_to_a_subject_the_registry_lacks_is_an_unknown_schema_not_a_crash()
    {
        const string Person = """{"type":"record","name":"Person","namespace":"demo","fields":[{"name":"home","type":"demo.Address"}]}""";
        var id = await _producerClient.RegisterSchemaAsync("notes-value", new Schema(Person, [new SchemaReference("demo.Address", "no-such-subject", 1)], SchemaType.Avro));
        byte[] bytes = [0, 0, 0, 0, (byte)id, 0];

        var result = _decoder.Decode("notes", isKey: false, bytes, schemaIdHeader: null);

        Assert.Equal(RegistryDecodeStatus.UnknownSchema, result.Status);
        Assert.Contains("refers to a schema the registry does not have", result.Error);
    }

    [Fact]
    public async Task Versions_1_and_2_of_one_subject_each_decode_with_their_own_schema()
    {
        var v1 = await SerializeAvro(NoteV1, record => record.Add("id", 1L));
        var v2 = await SerializeAvro(NoteV2, record => { record.Add("id", 2L); record.Add("text", "added"); });

        var first = _decoder.Decode("notes", isKey: false, v1, null);
        var second = _decoder.Decode("notes", isKey: false, v2, null);

        Assert.Equal(("""{"id":1}""", 1), (first.Json, first.Version));
        Assert.Equal(("""{"id":2,"text":"added"}""", 2), (second.Json, second.Version));
    }

    [Fact]
    public async Task Json_schema_from_confluents_serializer_is_shown_as_the_json_it_is()
    {
        var serializer = new JsonSerializer<Dictionary<string, int>>(_producerClient, new Schema(NoteJsonSchema, SchemaType.Json));
        var bytes = await serializer.SerializeAsync(new() { ["id"] = 5 }, new SerializationContext(MessageComponentType.Key, "notes"));

        var result = _decoder.Decode("notes", isKey: true, bytes, null);

        Assert.Equal((RegistryDecodeStatus.Decoded, """{"id":5}""", "json-schema", "notes-key"), (result.Status, result.Json, result.Encoding, result.Subject));
    }

    [Fact]
    public async Task A_schema_is_fetched_once_for_all_the_messages_that_name_it()
    {
        var bytes = await SerializeAvro(NoteV1, record => record.Add("id", 3L));

        var results = Enumerable.Range(0, 50).Select(_ => _decoder.Decode("notes", isKey: false, bytes, null)).ToList();

        Assert.All(results, result => Assert.Equal(RegistryDecodeStatus.Decoded, result.Status));
        Assert.Single(_registry.Requests, request => request.StartsWith("GET /schemas/ids/1", StringComparison.Ordinal));
    }

    [Fact]
    public void An_id_the_registry_does_not_know_is_reported_with_the_id()
    {
        var result = _decoder.Decode("notes", isKey: false, [0, 0, 0, 0, 99, 2], null);

        Assert.Equal(new RegistryDecodeResult(RegistryDecodeStatus.UnknownSchema, SchemaId: 99, Error: "schema id 99 is not in the schema registry"), result);
    }

    [Fact]
    public async Task A_registry_that_is_down_is_reported_and_schemas_already_fetched_still_decode()
    {
        var known = await SerializeAvro(NoteV1, record => record.Add("id", 4L));
        _ = _decoder.Decode("notes", isKey: false, known, null);
        await _registry.DisposeAsync();

        var unknown = _decoder.Decode("notes", isKey: false, [0, 0, 0, 0, 2, 2], null);
        var stillKnown = _decoder.Decode("notes", isKey: false, known, null);

        Assert.Equal((RegistryDecodeStatus.RegistryUnavailable, 2), (unknown.Status, unknown.SchemaId));
        Assert.StartsWith("the schema registry did not answer: ", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(RegistryDecodeStatus.Decoded, stillKnown.Status);
    }

    [Fact]
    public async Task An_address_that_answers_with_something_else_than_a_registry_is_reported()
    {
        using var listener = new System.Net.HttpListener();
        var address = $"http://127.0.0.1:{FreePort()}/";
        listener.Prefixes.Add(address);
        listener.Start();
        var serving = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            context.Response.StatusCode = 200;
            await context.Response.OutputStream.WriteAsync("<html>proxy login</html>"u8.ToArray());
            context.Response.Close();
        });
        var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = address, MaxRetries = 1 });
        var decoder = new RegistryDecoder(new RegistrySchemaCache(client, TimeProvider.System, TimeSpan.FromSeconds(10)));

        var result = decoder.Decode("notes", isKey: false, [0, 0, 0, 0, 1, 2], null);

        await serving;
        Assert.Equal((RegistryDecodeStatus.RegistryUnavailable, 1), (result.Status, result.SchemaId));
        Assert.StartsWith("the schema registry's answer could not be read: ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x80 }, "does not match avro schema 1: ")]
    [InlineData(new byte[] { 0x02, 0x00 }, "does not match avro schema 1: 1 bytes left over after the Avro data")]
    [InlineData(new byte[] { }, "does not match avro schema 1: ")]
    public async Task A_payload_that_is_not_data_of_its_schema_is_a_mismatch(byte[] payload, string errorStart)
    {
        _ = await SerializeAvro(NoteV1, record => record.Add("id", 1L));

        var result = _decoder.Decode("notes", isKey: false, [0, 0, 0, 0, 1, .. payload], null);

        Assert.Equal((RegistryDecodeStatus.PayloadMismatch, 1, "avro"), (result.Status, result.SchemaId, result.Encoding));
        Assert.StartsWith(errorStart, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_schema_bytes_that_are_not_json_are_a_mismatch()
    {
        var id = await _producerClient.RegisterSchemaAsync("notes-value", new Schema(NoteJsonSchema, SchemaType.Json));

        var result = _decoder.Decode("notes", isKey: false, [0, 0, 0, 0, (byte)id, (byte)'{', (byte)'x'], null);

        Assert.Equal((RegistryDecodeStatus.PayloadMismatch, "json-schema"), (result.Status, result.Encoding));
        Assert.StartsWith($"does not match json-schema schema {id}: not JSON: ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 1 }, null, "truncated frame: 3 bytes, a frame needs 5")]
    [InlineData(new byte[] { 2 }, new byte[] { 7 }, "__value_schema_id header: magic byte 7, expected 0 or 1")]
    public void A_frame_cut_short_or_a_header_without_a_schema_is_a_bad_frame(byte[] value, byte[]? header, string error)
    {
        Assert.Equal(new RegistryDecodeResult(RegistryDecodeStatus.BadFrame, Error: error), _decoder.Decode("notes", isKey: false, value, header));
    }

    [Fact]
    public void Protobuf_is_shown_by_field_number_and_a_missing_message_path_is_a_bad_frame()
    {
        var (schema, _) = _registry.Store.Register("notes-value", "PROTOBUF", "syntax = \"proto3\"; message Note { int64 id = 1; }", "[]");
        byte[] prefix = [0, 0, 0, 0, (byte)schema.Id];

        var described = _decoder.Decode("notes", isKey: false, [.. prefix, 0x00, 0x08, 0x2A], null);
        var cut = _decoder.Decode("notes", isKey: false, prefix, null);

        Assert.Equal((RegistryDecodeStatus.Decoded, "protobuf", """{"1":42}"""), (described.Status, described.Encoding, described.Json));
        Assert.Equal((RegistryDecodeStatus.BadFrame, "truncated frame: the message-index array is cut short"), (cut.Status, cut.Error));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(new byte[] { (byte)'{', (byte)'}' })]
    public void A_value_without_a_frame_is_left_to_the_ordinary_decoder(byte[]? value)
    {
        Assert.Same(RegistryDecodeResult.NotFramed, _decoder.Decode("notes", isKey: false, value, null));
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task<byte[]> SerializeAvro(string schemaJson, Action<GenericRecord> fill, AvroSerializerConfig? config = null, Headers? headers = null)
    {
        var record = new GenericRecord((RecordSchema)Avro.Schema.Parse(schemaJson));
        fill(record);
        var context = new SerializationContext(MessageComponentType.Value, "notes", headers);
        return await new AvroSerializer<GenericRecord>(_producerClient, config).SerializeAsync(record, context);
    }
}
