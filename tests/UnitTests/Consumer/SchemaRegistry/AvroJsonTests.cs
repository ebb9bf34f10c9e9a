using Avro;
using Avro.Generic;
using Avro.IO;
using KafkaDemo.Consumer.SchemaRegistry;

namespace KafkaDemo.UnitTests.Consumer.SchemaRegistry;

public class AvroJsonTests
{
    private const string Everything = """
        {"type":"record","name":"Everything","fields":[
          {"name":"id","type":"long"},
          {"name":"count","type":"int"},
          {"name":"ok","type":"boolean"},
          {"name":"ratio","type":"double"},
          {"name":"odd","type":"float"},
          {"name":"text","type":"string"},
          {"name":"maybe","type":["null","string"]},
          {"name":"nothing","type":["null","string"]},
          {"name":"colour","type":{"type":"enum","name":"Colour","symbols":["RED","GREEN"]}},
          {"name":"tags","type":{"type":"array","items":"string"}},
          {"name":"sizes","type":{"type":"map","values":"int"}},
          {"name":"raw","type":"bytes"},
          {"name":"pair","type":{"type":"fixed","name":"Pair","size":2}},
          {"name":"inner","type":{"type":"record","name":"Inner","fields":[{"name":"n","type":"int"}]}},
          {"name":"day","type":{"type":"int","logicalType":"date"}}
        ]}
        """;

    [Fact]
    public void Every_avro_type_is_written_as_plain_json()
    {
        var schema = (RecordSchema)Schema.Parse(Everything);
        var record = new GenericRecord(schema);
        record.Add("id", 9_000_000_000L);
        record.Add("count", -3);
        record.Add("ok", true);
        record.Add("ratio", 0.5);
        record.Add("odd", float.NaN);
        record.Add("text", "héllo \"quoted\"");
        record.Add("maybe", "here");
        record.Add("nothing", null);
        record.Add("colour", new GenericEnum((EnumSchema)schema["colour"].Schema, "GREEN"));
        record.Add("tags", new object[] { "a", "b" });
        record.Add("sizes", new Dictionary<string, object> { ["s"] = 1 });
        record.Add("raw", new byte[] { 0x41, 0xFF });
        record.Add("pair", new GenericFixed((FixedSchema)schema["pair"].Schema, [0x00, 0x7A]));
        var inner = new GenericRecord((RecordSchema)schema["inner"].Schema);
        inner.Add("n", 7);
        record.Add("inner", inner);
        record.Add("day", new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc));

        Assert.True(AvroJson.TryRead(AvroJson.ReaderFor(schema), Write(schema, record, prefix: 3), 3, out var json, out var error), error);

        Assert.Equal(
            """{"id":9000000000,"count":-3,"ok":true,"ratio":0.5,"odd":"NaN","text":"héllo \"quoted\"","maybe":"here","nothing":null,"colour":"GREEN","tags":["a","b"],"sizes":{"s":1},"raw":"Aÿ","pair":"\u0000z","inner":{"n":7},"day":"2026-11-29T00:00:00.0000000Z"}""",
            json);
    }

    [Fact]
    public void Bytes_left_over_after_the_datum_are_a_mismatch()
    {
        var schema = Schema.Parse("""{"type":"record","name":"N","fields":[{"name":"n","type":"int"}]}""");

        Assert.False(AvroJson.TryRead(AvroJson.ReaderFor(schema), [0x02, 0x05, 0x06], 0, out _, out var error));

        Assert.Equal("2 bytes left over after the Avro data", error);
    }

    [Fact]
    public void Data_cut_short_is_a_mismatch_not_an_exception()
    {
        var schema = Schema.Parse("""{"type":"record","name":"N","fields":[{"name":"s","type":"string"}]}""");

        Assert.False(AvroJson.TryRead(AvroJson.ReaderFor(schema), [0x10, 0x41], 0, out _, out var error));

        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var schema = Schema.Parse(Everything);
        var reader = AvroJson.ReaderFor(schema);
        var random = new Random(22);
        for (var i = 0; i < 5_000; i++)
        {
            var data = new byte[random.Next(64)];
            random.NextBytes(data);

            var read = AvroJson.TryRead(reader, data, 0, out var json, out var error);

            Assert.Equal(read, error is null);
            Assert.True(!read || json.StartsWith('{'));
        }
    }

    private static byte[] Write(Schema schema, GenericRecord record, int prefix)
    {
        using var stream = new MemoryStream();
        stream.Write(new byte[prefix]);
        new GenericDatumWriter<GenericRecord>(schema).Write(record, new BinaryEncoder(stream));
        return stream.ToArray();
    }
}
