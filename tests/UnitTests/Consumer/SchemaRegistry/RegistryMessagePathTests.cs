using System.Text.Json;
using Avro;
using Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using KafkaDemo.Clients;
using KafkaDemo.Common.Envelopes;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.DeadLetters;
using KafkaDemo.Consumer.Processing;
using KafkaDemo.Consumer.SchemaRegistry;
using KafkaDemo.TestSupport.SchemaRegistry;
using KafkaDemo.UnitTests.Consumer.Processing;
using Microsoft.Extensions.Logging;
using Schema = Confluent.SchemaRegistry.Schema;

namespace KafkaDemo.UnitTests.Consumer.SchemaRegistry;

// The whole message path with a registry (the in-process one, driven by Confluent's serializers):
// what each output form shows, and what each fault becomes.
public sealed class RegistryMessagePathTests : IAsyncLifetime
{
    private const string NoteV1 = """{"type":"record","name":"Note","namespace":"demo","fields":[{"name":"id","type":"long"}]}""";
    private const string IdSchema = """{"type":"object","properties":{"id":{"type":"integer"}}}""";

    private readonly StringWriter _output = new();
    private readonly RecordingLogger _logger = new();
    private readonly DeadLetterRecorder _deadLetters = new();
    private InProcessSchemaRegistry _registry = null!;
    private CachedSchemaRegistryClient _producerClient = null!;

    public Task InitializeAsync()
    {
        _registry = InProcessSchemaRegistry.Start();
        _producerClient = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _registry.Url });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _producerClient.Dispose();
        await _registry.DisposeAsync();
    }

    private (bool Handled, RunContext Run) Handle(ConsumeResult<byte[], byte[]> message, OutputFormat output = OutputFormat.Pretty, string? url = null)
    {
        var options = new ConsumerOptions("b", ["t"], "g") { Output = output };
        var settings = new SchemaRegistrySettings(url ?? _registry.Url);
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = settings.Url, MaxRetries = 1 });
        using var registry = RegistryDecoders.For(client, settings);
        var run = new RunContext(options, _output, CancellationToken.None);
        var handled = new MessageProcessor(options, run, _deadLetters, _logger, null, registry).Handle(message);
        return (handled, run);
    }

    private string Line => _output.ToString().TrimEnd('\n');

    [Fact]
    public async Task Avro_is_shown_as_json_with_its_schema_id_subject_and_version_on_the_line()
    {
        var value = await SerializeAvro(42);

        Handle(FramedMessageTests.Message("k"u8.ToArray(), value));

        Assert.Equal("""🧾 Avro, schema id 1, t-value v1 | key=k | partition=1 | offset=9 → {"id":42}""", Line);
    }

    [Fact]
    public async Task In_jsonl_a_decoded_value_is_its_json_and_the_line_replays_to_the_same_bytes()
    {
        var value = await SerializeAvro(42);
        var key = await new JsonSerializer<Dictionary<string, int>>(_producerClient, new Schema(IdSchema, SchemaType.Json))
            .SerializeAsync(new() { ["id"] = 5 }, new SerializationContext(MessageComponentType.Key, "t"));

        Handle(FramedMessageTests.Message(key, value), OutputFormat.Jsonl);

        var json = JsonDocument.Parse(Line).RootElement;
        Assert.Equal(
            ("""{"id":42}""", "avro", 1, "t-value", 1, """{"id":5}""", "json-schema", "t-key"),
            (json.GetProperty("value").GetRawText(), json.GetProperty("value_encoding").GetString(), json.GetProperty("value_schema_id").GetInt32(),
             json.GetProperty("value_subject").GetString(), json.GetProperty("value_version").GetInt32(),
             json.GetProperty("key").GetRawText(), json.GetProperty("key_encoding").GetString(), json.GetProperty("key_subject").GetString()));
        Assert.True(MessageEnvelopeJson.TryRead(Line, out var replayed, out var error), error);
        Assert.Equal(value, replayed!.Value);
        Assert.Equal(key, replayed.Key);
    }

    [Fact]
    public async Task An_avro_note_event_counts_for_event_type_as_a_json_one_does()
    {
        var schema = (RecordSchema)Avro.Schema.Parse(File.ReadAllText(Path.Combine(Repository.Root, "src", "Common", "Events", "note_event.avsc")));
        var serializer = new AvroSerializer<GenericRecord>(_producerClient);
        async Task<byte[]> Event(string type)
        {
            var record = new GenericRecord(schema);
            record.Add("id", 1);
            record.Add("event_type", type);
            record.Add("text", "Note 1");
            return await serializer.SerializeAsync(record, new SerializationContext(MessageComponentType.Value, "t"));
        }

        var created = FramedMessageTests.Message("k"u8.ToArray(), await Event("note_created"));
        var deleted = FramedMessageTests.Message("k"u8.ToArray(), await Event("note_deleted"));
        var options = new ConsumerOptions("b", ["t"], "g") { EventType = "note_created" };
        var settings = new SchemaRegistrySettings(_registry.Url);
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = settings.Url });
        using var registry = RegistryDecoders.For(client, settings);
        var run = new RunContext(options, _output, CancellationToken.None);
        var processor = new MessageProcessor(options, run, _deadLetters, _logger, null, registry);

        processor.Handle(created);
        processor.Handle(deleted);

        Assert.Equal(
            """🧾 Avro, schema id 1, t-value v1 | key=k | partition=1 | offset=9 → {"id":1,"event_type":"note_created","text":"Note 1"}""",
            Line);
    }

    [Fact]
    public async Task Raw_output_and_the_format_s_token_show_the_decoded_json()
    {
        var message = FramedMessageTests.Message(null, await SerializeAvro(7));

        Handle(message, OutputFormat.Raw);

        Assert.Equal("""{"id":7}""", Line);
    }

    [Fact]
    public void A_message_that_is_not_framed_never_reaches_the_registry()
    {
        Handle(FramedMessageTests.Message("k"u8.ToArray(), """{"id":1,"event_type":"note_created"}"""u8.ToArray()));

        Assert.StartsWith("✅ JSON (note_created) | key=k", Line);
        Assert.Empty(_registry.Requests);
    }

    [Fact]
    public void Protobuf_is_shown_by_field_number_with_its_schema_id()
    {
        var (schema, _) = _registry.Store.Register("t-value", "PROTOBUF", "syntax = \"proto3\"; message Note { int64 id = 1; }", "[]");

        Handle(FramedMessageTests.Message(null, [0, 0, 0, 0, (byte)schema.Id, 0x00, 0x08, 0x2A]));

        Assert.Equal($$"""🧾 Protobuf (fields by number), schema id {{schema.Id}}, t-value v1 | key=(none) | partition=1 | offset=9 → {"1":42}""", Line);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 0, 99, 2 }, "schema id 99 is not in the schema registry")]
    [InlineData(new byte[] { 0, 0, 1 }, "truncated frame: 3 bytes, a frame needs 5")]
    public void An_unknown_id_or_a_truncated_frame_is_an_invalid_message_reported_with_its_place_and_dead_lettered(byte[] value, string reason)
    {
        var (handled, run) = Handle(FramedMessageTests.Message("k"u8.ToArray(), value));

        AssertInvalid(handled, run, reason);
    }

    [Fact]
    public async Task A_payload_that_does_not_match_its_schema_is_an_invalid_message()
    {
        _ = await SerializeAvro(1);

        var (handled, run) = Handle(FramedMessageTests.Message("k"u8.ToArray(), [0, 0, 0, 0, 1, 0x80]));

        AssertInvalid(handled, run, "does not match avro schema 1: ");
    }

    [Fact]
    public void A_registry_that_is_down_makes_framed_messages_invalid_and_its_password_never_shows()
    {
        var address = SilentAddress.Http("user:s3cret-pw");

        var (handled, run) = Handle(FramedMessageTests.Message("k"u8.ToArray(), [0, 0, 0, 0, 3, 2]), url: address);

        AssertInvalid(handled, run, "the schema registry ");
        Assert.DoesNotContain("s3cret-pw", string.Join('\n', _logger.Entries.Select(e => e.Text)) + _output + _deadLetters.Sent.Single().Reason, StringComparison.Ordinal);
    }

    // Counted as invalid, logged once with topic, partition and offset, sent to the DLQ with the
    // reason, and handled (true: the offset moves on).
    private void AssertInvalid(bool handled, RunContext run, string reasonStart)
    {
        Assert.True(handled);
        Assert.Equal(1, run.Stats.Snapshot(false, false).Invalid);
        var (level, text) = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.StartsWith($"Invalid message at t[1]@9 (key k): {reasonStart}", text, StringComparison.Ordinal);
        Assert.StartsWith(reasonStart, Assert.Single(_deadLetters.Sent).Reason, StringComparison.Ordinal);
    }

    private async Task<byte[]> SerializeAvro(long id)
    {
        var record = new GenericRecord((RecordSchema)Avro.Schema.Parse(NoteV1));
        record.Add("id", id);
        return await new AvroSerializer<GenericRecord>(_producerClient).SerializeAsync(record, new SerializationContext(MessageComponentType.Value, "t"));
    }

    private sealed class DeadLetterRecorder : IDeadLetterSink
    {
        public List<(ConsumeResult<byte[], byte[]> Source, string Reason)> Sent { get; } = [];

        public string Topic => "dlq";

        public bool TrySend(ConsumeResult<byte[], byte[]> source, string reason)
        {
            Sent.Add((source, reason));
            return true;
        }
    }
}
