using Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using KafkaDemo.TestSupport.SchemaRegistry;

namespace KafkaDemo.BrokerTests.SchemaRegistry;

/// <summary>
/// What the real Producer writes with a registry, read by Confluent's own deserializers: Avro and
/// JSON Schema from input lines, and the demo's generated events with note_event.avsc.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class ProducerSchemaInteropTests(BrokerFixture broker) : IAsyncLifetime, IDisposable
{
    // Laid out as a person writes a file, not as a serializer prints a schema.
    private const string Order = """
        {
          "type": "record", "name": "Order", "namespace": "shop",
          "fields": [
            { "name": "id", "type": "long" },
            { "name": "note", "type": ["null", "string"], "default": null }
          ]
        }
        """;
    private const string Person = """{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"age":{"type":["integer","null"]}}}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("schema-interop").FullName;
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

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> Produce(string topic, string arguments) =>
        await ProgramProcess.RunAsync("KafkaDemo.Producer", $"-b {broker.BootstrapServers} -t {topic} --schema-registry {_registry.Url} {arguments}");

    [Fact]
    public async Task Avro_lines_are_read_by_confluents_avro_deserializer_and_a_bad_line_is_skipped_naming_its_field()
    {
        var topic = await broker.CreateTopicAsync("avro-lines", 1);
        var lines = Write("orders.txt", "\"a\"|{\"id\":1,\"note\":{\"string\":\"first\"}}", "\"b\"|{\"id\":\"x\"}", "\"c\"|{\"id\":3}");

        var (exitCode, _, stderr) = await Produce(topic,
            $"-i {lines} --key-separator | --value-schema {Write("order.avsc", Order)} --key-schema {Write("key.avsc", "\"string\"")}");
        var stored = TopicReader.ReadAll(broker.BootstrapServers, topic, 2);

        Assert.Equal(1, exitCode); // a skipped line fails the run, as an unreadable line does
        Assert.Contains("Input line 2 skipped: value does not fit schema", stderr);
        Assert.Contains("field 'id': expected a long, got a string", stderr);
        var keys = new AvroDeserializer<string>(_client);
        var values = new AvroDeserializer<GenericRecord>(_client);
        var read = new List<(string Key, long Id, object? Note)>();
        foreach (var result in stored)
        {
            var key = await keys.DeserializeAsync(result.Message.Key, false, new SerializationContext(MessageComponentType.Key, topic));
            var value = await values.DeserializeAsync(result.Message.Value, false, new SerializationContext(MessageComponentType.Value, topic));
            read.Add((key, (long)value["id"], value["note"]));
        }

        Assert.Equal([("a", 1L, (object?)"first"), ("c", 3L, null)], read);

        // Confluent's serializer, given the same schema, frames with the id our frames carry.
        var record = new GenericRecord((Avro.RecordSchema)Avro.Schema.Parse(Order));
        record.Add("id", 1L);
        record.Add("note", null);
        var theirs = await new AvroSerializer<GenericRecord>(_client).SerializeAsync(record, new SerializationContext(MessageComponentType.Value, topic));
        Assert.All(stored, r => Assert.Equal(theirs.AsSpan(0, 5).ToArray(), r.Message.Value.AsSpan(0, 5).ToArray()));
    }

    [Fact]
    public async Task Json_schema_lines_are_read_by_confluents_json_deserializer()
    {
        var topic = await broker.CreateTopicAsync("json-lines", 1);
        var lines = Write("people.txt", """{"name":"Ada","age":36}""", """{"age":3}""", """{"name":"Grace"}""");

        var (exitCode, _, stderr) = await Produce(topic, $"-i {lines} --value-schema {Write("person.json", Person)}");
        var stored = TopicReader.ReadAll(broker.BootstrapServers, topic, 2);

        Assert.Equal(1, exitCode);
        Assert.Contains("Input line 2 skipped", stderr);
        Assert.Contains("field 'name': required, and missing", stderr);
        var people = new JsonDeserializer<InteropPerson>(_client);
        var read = new List<InteropPerson>();
        foreach (var result in stored)
        {
            read.Add(await people.DeserializeAsync(result.Message.Value, false, new SerializationContext(MessageComponentType.Value, topic)));
        }

        Assert.Equal([("Ada", (int?)36), ("Grace", null)], read.Select(p => (p.name, p.age)));
    }

    [Fact]
    public async Task Generated_events_with_note_event_avsc_are_read_back_as_the_events_sent()
    {
        var topic = await broker.CreateTopicAsync("avro-events", 1);

        var (exitCode, _, stderr) = await Produce(topic, $"-n 6 --value-schema {Path.Combine(RepositoryRoot(), "src/Common/Events/note_event.avsc")}");
        var stored = TopicReader.ReadAll(broker.BootstrapServers, topic, 6);

        Assert.True(exitCode == 0, stderr);
        var values = new AvroDeserializer<GenericRecord>(_client);
        var events = new List<(int, string, string)>();
        foreach (var result in stored)
        {
            var value = await values.DeserializeAsync(result.Message.Value, false, new SerializationContext(MessageComponentType.Value, topic));
            events.Add(((int)value["id"], (string)value["event_type"], (string)value["text"]));
        }

        var expected = Enumerable.Range(1, 6).Select(Common.Events.NoteEventFactory.Create).Select(n => (n.Id, n.EventType, n.Text));
        Assert.Equal(expected, events.OrderBy(e => e.Item1));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KafkaDemo.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("KafkaDemo.sln not found above " + AppContext.BaseDirectory);
    }
}
