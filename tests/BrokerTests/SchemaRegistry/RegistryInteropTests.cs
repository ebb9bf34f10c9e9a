using System.Text.Json;
using Avro;
using Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using KafkaDemo.TestSupport.SchemaRegistry;
using Schema = Confluent.SchemaRegistry.Schema;

namespace KafkaDemo.BrokerTests.SchemaRegistry;

// What Confluent's own serializers write, the real Consumer program decodes through the registry
// (SCHEMA_REGISTRY_URL when set, else a registry container beside a Kafka container, else the in-process one); and its jsonl replays to the same bytes.
[Collection(BrokerCollection.Name)]
public sealed class RegistryInteropTests(BrokerFixture broker) : IAsyncLifetime
{
    private const string NoteV1 = """{"type":"record","name":"Note","namespace":"demo.interop","fields":[{"name":"id","type":"long"}]}""";
    private const string NoteV2 = """{"type":"record","name":"Note","namespace":"demo.interop","fields":[{"name":"id","type":"long"},{"name":"text","type":"string","default":"none"}]}""";
    private const string IdSchema = """{"type":"object","properties":{"id":{"type":"integer"}}}""";

    private TestSchemaRegistry _registry = null!;
    private CachedSchemaRegistryClient _client = null!;

    public async Task InitializeAsync()
    {
        _registry = await broker.SchemaRegistryAsync();
        _client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _registry.Url });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _registry.DisposeAsync();
    }

    [Fact]
    public async Task Avro_written_with_versions_1_and_2_of_one_subject_is_read_as_json_and_replays_byte_for_byte()
    {
        var topic = await broker.CreateTopicAsync("registry-avro", 1);
        using (var producer = new ProducerBuilder<string, GenericRecord>(new ProducerConfig { BootstrapServers = broker.BootstrapServers })
            .SetValueSerializer(new AvroSerializer<GenericRecord>(_client)).Build())
        {
            await producer.ProduceAsync(topic, new Message<string, GenericRecord> { Key = "one", Value = Record(NoteV1, 1, null) });
            await producer.ProduceAsync(topic, new Message<string, GenericRecord> { Key = "two", Value = Record(NoteV2, 2, "added") });
        }

        var lines = await ConsumeJsonl(topic);

        Assert.Equal(2, lines.Count);
        Assert.Equal(("""{"id":1}""", "avro", $"{topic}-value", 1), Decoded(lines[0]));
        Assert.Equal(("""{"id":2,"text":"added"}""", "avro", $"{topic}-value", 2), Decoded(lines[1]));

        var copy = await broker.CreateTopicAsync("registry-avro-copy", 1);
        var file = Path.Combine(Path.GetTempPath(), $"{copy}.jsonl");
        await File.WriteAllLinesAsync(file, lines);
        try
        {
            var (exitCode, _, error) = await ProgramProcess.RunAsync("KafkaDemo.Producer", $"-b {broker.BootstrapServers} -t {copy} -i {file} --input-format jsonl --quiet");
            Assert.True(exitCode == 0, error);
        }
        finally
        {
            File.Delete(file);
        }

        var original = TopicReader.ReadAll(broker.BootstrapServers, topic, 2);
        var replayed = TopicReader.ReadAll(broker.BootstrapServers, copy, 2);
        Assert.Equal(original.Select(m => m.Message.Value), replayed.Select(m => m.Message.Value));
    }

    [Fact]
    public async Task Json_schema_keys_and_values_written_by_confluents_serializer_are_read_as_json()
    {
        var topic = await broker.CreateTopicAsync("registry-json", 1);
        var schema = new Schema(IdSchema, SchemaType.Json);
        using (var producer = new ProducerBuilder<Dictionary<string, int>, Dictionary<string, int>>(new ProducerConfig { BootstrapServers = broker.BootstrapServers })
            .SetKeySerializer(new JsonSerializer<Dictionary<string, int>>(_client, schema))
            .SetValueSerializer(new JsonSerializer<Dictionary<string, int>>(_client, schema)).Build())
        {
            await producer.ProduceAsync(topic, new Message<Dictionary<string, int>, Dictionary<string, int>> { Key = new() { ["id"] = 7 }, Value = new() { ["id"] = 70 } });
        }

        var line = Assert.Single(await ConsumeJsonl(topic));

        Assert.Equal(("""{"id":70}""", "json-schema", $"{topic}-value", 1), Decoded(line));
        var json = JsonDocument.Parse(line).RootElement;
        Assert.Equal(("""{"id":7}""", "json-schema"), (json.GetProperty("key").GetRawText(), json.GetProperty("key_encoding").GetString()));
    }

    [Fact]
    public async Task With_the_registry_down_the_run_says_so_once_reports_framed_messages_and_shows_the_rest()
    {
        var topic = await broker.CreateTopicAsync("registry-down", 1);
        using (var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build())
        {
            await producer.ProduceAsync(topic, new Message<string, byte[]> { Key = "framed", Value = [0, 0, 0, 0, 1, 2] });
            await producer.ProduceAsync(topic, new Message<string, byte[]> { Key = "plain", Value = "hello"u8.ToArray() });
        }

        var closed = SilentAddress.Http();
        var (exitCode, stdout, stderr) = await ProgramProcess.RunAsync("KafkaDemo.Consumer",
            $"-b {broker.BootstrapServers} -t {topic} -g g-{topic} --exit-at-end --schema-registry {closed} --connect-timeout 5s");

        Assert.True(exitCode == 0, stderr);
        Assert.Single(stderr.Split('\n'), l => l.Contains($"Cannot reach the schema registry at {closed}", StringComparison.Ordinal));
        Assert.Contains($"Invalid message at {topic}[0]@0 (key framed): the schema registry did not answer", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
        Assert.Contains("📦 Plain | key=plain | partition=0 | offset=1 → hello", stdout, StringComparison.Ordinal);
    }

    private async Task<List<string>> ConsumeJsonl(string topic)
    {
        var (exitCode, stdout, stderr) = await ProgramProcess.RunAsync("KafkaDemo.Consumer",
            $"-b {broker.BootstrapServers} -t {topic} -g g-{topic} --exit-at-end -o jsonl --schema-registry {_registry.Url} --quiet");
        Assert.True(exitCode == 0, stderr);
        Assert.DoesNotContain("Invalid message", stderr, StringComparison.Ordinal);
        return [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static (string Value, string? Encoding, string? Subject, int Version) Decoded(string line)
    {
        var json = JsonDocument.Parse(line).RootElement;
        return (json.GetProperty("value").GetRawText(), json.GetProperty("value_encoding").GetString(),
            json.GetProperty("value_subject").GetString(), json.GetProperty("value_version").GetInt32());
    }

    private static GenericRecord Record(string schema, long id, string? text)
    {
        var record = new GenericRecord((RecordSchema)Avro.Schema.Parse(schema));
        record.Add("id", id);
        if (text is not null)
        {
            record.Add("text", text);
        }

        return record;
    }
}
