using System.Text.Json;
using KafkaDemo.Common.Encodings;
using KafkaDemo.Common.Envelopes;
using KafkaDemo.Common.SchemaRegistry;

namespace KafkaDemo.UnitTests.Common.Envelopes;

// MessageEnvelopeJson with --key-encoding and --value-encoding: apart from MessageEnvelopeJsonTests
// only to keep each file short.
public class MessageEnvelopeEncodingTests
{
    public static TheoryData<ByteEncoding, ByteEncoding, int> EveryPairOfEncodings()
    {
        var data = new TheoryData<ByteEncoding, ByteEncoding, int>();
        var seed = 0;
        foreach (var key in Enum.GetValues<ByteEncoding>())
        {
            foreach (var value in Enum.GetValues<ByteEncoding>())
            {
                data.Add(key, value, seed++);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPairOfEncodings))]
    public void Random_binary_keys_values_and_headers_come_back_byte_for_byte_in_every_encoding(ByteEncoding keyEncoding, ByteEncoding valueEncoding, int seed)
    {
        var random = new Random(seed);
        foreach (var size in new[] { 0, 1, 2, 3, 17, 1000 })
        {
            var (key, value, header) = (new byte[size], new byte[size + 1], new byte[size]);
            random.NextBytes(key);
            random.NextBytes(value);
            random.NextBytes(header);
            var envelope = new MessageEnvelope("t", 1, 2, 3, key, [KeyValuePair.Create<string, byte[]?>("h", header)], value)
            {
                KeyEncoding = keyEncoding,
                ValueEncoding = valueEncoding,
            };

            var line = MessageEnvelopeJson.Write(envelope);

            Assert.True(MessageEnvelopeJson.TryRead(line, out var read, out var error), error);
            Assert.Equal(key, read!.Key);
            Assert.Equal(value, read.Value);
            Assert.Equal(header, read.Headers.Single().Value);
        }
    }

    [Theory]
    [InlineData(ByteEncoding.Hex, """{"key":"6b","key_encoding":"hex","headers":[],"value":"7b2269223a317d","value_encoding":"hex"}""")]
    [InlineData(ByteEncoding.Base64, """{"key":"6b","key_encoding":"hex","headers":[],"value":"eyJpIjoxfQ==","value_encoding":"base64"}""")]
    public void Hex_and_base64_are_flagged_even_for_utf8_and_a_json_value(ByteEncoding valueEncoding, string expected)
    {
        var envelope = new MessageEnvelope(null, null, null, null, "k"u8.ToArray(), [], """{"i":1}"""u8.ToArray()) { KeyEncoding = ByteEncoding.Hex, ValueEncoding = valueEncoding };

        Assert.Equal(expected, MessageEnvelopeJson.Write(envelope));
    }

    [Fact]
    public void Text_keeps_the_shapes_of_before_utf8_strings_json_values_and_base64_for_other_bytes()
    {
        var envelope = new MessageEnvelope(null, null, null, null, [0xff], [], """{"i":1}"""u8.ToArray());

        Assert.Equal("""{"key":"/w==","key_encoding":"base64","headers":[],"value":{"i":1},"value_encoding":"json"}""", MessageEnvelopeJson.Write(envelope));
    }

    [Fact]
    public void Null_keys_and_values_stay_null_without_a_flag()
    {
        var envelope = new MessageEnvelope(null, null, null, null, null, [], null) { KeyEncoding = ByteEncoding.Hex, ValueEncoding = ByteEncoding.Base64 };

        Assert.Equal("""{"key":null,"headers":[],"value":null}""", MessageEnvelopeJson.Write(envelope));
    }

    [Fact]
    public void A_value_a_registry_decoded_stays_json_whatever_the_encoding()
    {
        byte[] framed = [0, 0, 0, 0, 5, 0x54];
        var envelope = new MessageEnvelope(null, null, null, null, null, [], framed)
        {
            ValueSchema = new RegistryData(5, Encoding: "avro", Json: """{"id":42}"""),
            ValueEncoding = ByteEncoding.Hex,
        };

        var json = JsonDocument.Parse(MessageEnvelopeJson.Write(envelope)).RootElement;

        Assert.Equal(("""{"id":42}""", "avro", "AAAAAAVU"), (json.GetProperty("value").GetRawText(), json.GetProperty("value_encoding").GetString(), json.GetProperty("value_bytes").GetString()));
    }

    [Fact]
    public void A_framed_value_no_registry_decoded_is_written_in_the_encoding_with_its_schema_id()
    {
        var envelope = new MessageEnvelope(null, null, null, null, null, [], [0, 0, 0, 0, 5, 0x54])
        {
            ValueSchema = new RegistryData(5),
            ValueEncoding = ByteEncoding.Hex,
        };

        Assert.EndsWith(""","value":"000000000554","value_encoding":"hex","value_schema_id":5}""", MessageEnvelopeJson.Write(envelope));
    }

    [Theory]
    [InlineData("""{"value":"4","value_encoding":"hex"}""")]
    [InlineData("""{"value":"zz","value_encoding":"hex"}""")]
    [InlineData("""{"key":"0x00","key_encoding":"hex","value":null}""")]
    public void A_line_whose_hex_is_not_hex_is_not_an_envelope(string line)
    {
        Assert.False(MessageEnvelopeJson.TryRead(line, out _, out var error));
        Assert.StartsWith("not a valid envelope: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Hex_is_read_in_either_case()
    {
        Assert.True(MessageEnvelopeJson.TryRead("""{"key":"00Ff","key_encoding":"hex","value":"c3A8","value_encoding":"hex"}""", out var read, out _));

        Assert.Equal([0x00, 0xff], read!.Key);
        Assert.Equal("è"u8.ToArray(), read.Value);
    }
}
