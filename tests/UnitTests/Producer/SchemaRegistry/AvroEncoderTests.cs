using System.Buffers.Binary;
using Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using KafkaDemo.Producer.SchemaRegistry;
using KafkaDemo.TestSupport.SchemaRegistry;

namespace KafkaDemo.UnitTests.Producer.SchemaRegistry;

// What the encoder writes is read back by Confluent's own AvroDeserializer, through the in-process registry.
public sealed class AvroEncoderTests : IAsyncLifetime
{
    private const string Order = """
        {"type":"record","name":"Order","namespace":"shop","fields":[
          {"name":"id","type":"long"},
          {"name":"note","type":["null","string"],"default":null},
          {"name":"status","type":{"type":"enum","name":"Status","symbols":["NEW","PAID"]}},
          {"name":"tags","type":{"type":"array","items":"string"}},
          {"name":"prices","type":{"type":"map","values":"double"}},
          {"name":"raw","type":"bytes"},
          {"name":"count","type":"int","default":7},
          {"name":"address","type":["null",{"type":"record","name":"Address","fields":[{"name":"city","type":"string"}]}],"default":null}
        ]}
        """;

    private InProcessSchemaRegistry _registry = null!;
    private CachedSchemaRegistryClient _client = null!;
    private AvroEncoder _encoder = null!;

    public async Task InitializeAsync()
    {
        _registry = InProcessSchemaRegistry.Start();
        _client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _registry.Url });
        var id = await _client.RegisterSchemaAsync("orders-value", new Schema(Order, SchemaType.Avro));
        _encoder = new AvroEncoder(id, "orders-value", Avro.Schema.Parse(Order));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _registry.DisposeAsync();
    }

    private async Task<GenericRecord> ReadWithConfluent(byte[] framed) =>
        await new AvroDeserializer<GenericRecord>(_client).DeserializeAsync(framed, isNull: false, new SerializationContext(MessageComponentType.Value, "orders"));

    [Fact]
    public async Task Json_in_avros_json_encoding_is_framed_with_the_id_and_read_back_by_confluents_deserializer()
    {
        const string json = """
            {"id":42,"note":{"string":"gift"},"status":"PAID","tags":["a","b"],"prices":{"x":1.5},"raw":"\u0000\u00ff","address":{"shop.Address":{"city":"Oslo"}}}
            """;

        Assert.True(_encoder.TryEncode(json, out var framed, out var error), error);
        var record = await ReadWithConfluent(framed);

        Assert.Equal(0, framed[0]);
        Assert.Equal(_encoder.SchemaId, BinaryPrimitives.ReadInt32BigEndian(framed.AsSpan(1, 4)));
        Assert.Equal(42L, record["id"]);
        Assert.Equal("gift", record["note"]);
        Assert.Equal("PAID", ((GenericEnum)record["status"]).Value);
        Assert.Equal(new object[] { "a", "b" }, (object[])record["tags"]);
        Assert.Equal(1.5, ((IDictionary<string, object>)record["prices"])["x"]);
        Assert.Equal(new byte[] { 0, 255 }, (byte[])record["raw"]);
        Assert.Equal(7, record["count"]);
        Assert.Equal("Oslo", ((GenericRecord)record["address"])["city"]);
    }

    [Fact]
    public async Task Fields_left_out_take_their_defaults_and_a_null_union_is_null()
    {
        Assert.True(_encoder.TryEncode("""{"id":1,"status":"NEW","tags":[],"prices":{},"raw":""}""", out var framed, out var error), error);
        var record = await ReadWithConfluent(framed);

        Assert.Null(record["note"]);
        Assert.Null(record["address"]);
        Assert.Equal(7, record["count"]);
    }

    [Theory]
    [InlineData("""{"id":"1","status":"NEW","tags":[],"prices":{},"raw":""}""", "field 'id': expected a long, got a string")]
    [InlineData("""{"status":"NEW","tags":[],"prices":{},"raw":""}""", "field 'id': missing, and it has no default")]
    [InlineData("""{"id":1,"status":"LOST","tags":[],"prices":{},"raw":""}""", "field 'status': 'LOST' is not one of NEW, PAID")]
    [InlineData("""{"id":1,"status":"NEW","tags":["a",2],"prices":{},"raw":""}""", "field 'tags[1]': expected a string, got the number 2")]
    [InlineData("""{"id":1,"note":"bare","status":"NEW","tags":[],"prices":{},"raw":""}""", "field 'note': a union value is null or {\"<branch>\": value}, got a string")]
    [InlineData("""{"id":1,"status":"NEW","tags":[],"prices":{},"raw":"","address":{"shop.Address":{}}}""", "field 'address.city': missing, and it has no default")]
    [InlineData("""{"id":1,"status":"NEW","tags":[],"prices":{},"raw":"","colour":"red"}""", "field 'colour': not a field of shop.Order")]
    [InlineData("""{"id":1,""", "not JSON")]
    public void Json_that_does_not_fit_is_refused_naming_the_field(string json, string expected)
    {
        Assert.False(_encoder.TryEncode(json, out _, out var error));
        Assert.StartsWith(expected, error);
    }

    [Fact]
    public async Task A_logical_type_is_read_as_its_underlying_type()
    {
        const string withDate = """{"type":"record","name":"Stamp","fields":[{"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}}]}""";
        var id = await _client.RegisterSchemaAsync("stamps-value", new Schema(withDate, SchemaType.Avro));
        var encoder = new AvroEncoder(id, "stamps-value", Avro.Schema.Parse(withDate));

        Assert.True(encoder.TryEncode("""{"at":1700000000000}""", out var framed, out var error), error);
        var record = await new AvroDeserializer<GenericRecord>(_client).DeserializeAsync(framed, false, new SerializationContext(MessageComponentType.Value, "stamps"));

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000).UtcDateTime, record["at"]);
    }
}
