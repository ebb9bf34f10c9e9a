using System.Text;
using KafkaDemo.Common.Envelopes;

namespace KafkaDemo.UnitTests.Common.Envelopes;

public class MessageEnvelopeJsonTests
{
    private static MessageEnvelope RoundTrip(MessageEnvelope envelope)
    {
        var line = MessageEnvelopeJson.Write(envelope);
        Assert.DoesNotContain('\n', line);
        Assert.True(MessageEnvelopeJson.TryRead(line, out var read, out var error), error);
        return read!;
    }

    [Fact]
    public void Text_is_written_as_plain_json_strings()
    {
        var envelope = new MessageEnvelope("notes", 2, 42, 1700000000000, "k"u8.ToArray(),
            [KeyValuePair.Create<string, byte[]?>("content-type", "application/json"u8.ToArray())], "Note ü \"1\""u8.ToArray());

        var line = MessageEnvelopeJson.Write(envelope);

        Assert.Equal("""{"topic":"notes","partition":2,"offset":42,"timestamp":1700000000000,"key":"k","headers":[{"key":"content-type","value":"application/json"}],"value":"Note ü \"1\""}""", line);
    }

    [Fact]
    public void A_json_object_value_is_written_as_json_so_jq_can_reach_into_it()
    {
        var envelope = new MessageEnvelope("notes", 0, 1, null, null, [], """{"id":1,"event_type":"note_created"}"""u8.ToArray());

        var line = MessageEnvelopeJson.Write(envelope);

        Assert.EndsWith(""","value":{"id":1,"event_type":"note_created"},"value_encoding":"json"}""", line);
        using var document = System.Text.Json.JsonDocument.Parse(line);
        Assert.Equal("note_created", document.RootElement.GetProperty("value").GetProperty("event_type").GetString());
    }

    [Theory]
    [InlineData("""{ "id" : 1,   "text":"spaced \u00fc" , "n": 1.50E+2 }""")]
    [InlineData("""[1,{"a":[]},"x"]""")]
    [InlineData("""{"a":1,"a":2}""")]
    public void A_json_value_comes_back_byte_for_byte_whitespace_escapes_and_all(string json)
    {
        var value = Encoding.UTF8.GetBytes(json);

        var read = RoundTrip(new MessageEnvelope("t", 0, 0, null, null, [], value));

        Assert.Equal(value, read.Value);
    }

    [Theory]
    [InlineData("{\n  \"pretty\": true\n}")]
    [InlineData(" {\"padded\":1}")]
    [InlineData("42")]
    [InlineData("\"a json string\"")]
    [InlineData("{\"unterminated\":")]
    [InlineData("{\"a\":1} {\"b\":2}")]
    public void Values_that_are_not_one_line_objects_or_arrays_stay_strings_and_still_come_back_exactly(string text)
    {
        var value = Encoding.UTF8.GetBytes(text);

        var line = MessageEnvelopeJson.Write(new MessageEnvelope("t", 0, 0, null, null, [], value));

        Assert.DoesNotContain("\"value_encoding\":\"json\"", line);
        Assert.Equal(value, RoundTrip(new MessageEnvelope("t", 0, 0, null, null, [], value)).Value);
    }

    [Fact]
    public void Json_nested_deeper_than_a_reader_accepts_stays_a_string()
    {
        var deep = Encoding.UTF8.GetBytes(new string('[', 70) + new string(']', 70));

        var line = MessageEnvelopeJson.Write(new MessageEnvelope("t", 0, 0, null, null, [], deep));

        Assert.DoesNotContain("\"value_encoding\":\"json\"", line);
        Assert.Equal(deep, RoundTrip(new MessageEnvelope("t", 0, 0, null, null, [], deep)).Value);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_go_as_base64_and_come_back_identical()
    {
        byte[] binary = [0xff, 0x00, 0xc3, 0x28];
        var envelope = new MessageEnvelope("t", 0, 1, null, binary, [KeyValuePair.Create<string, byte[]?>("bin", binary)], binary);

        var line = MessageEnvelopeJson.Write(envelope);
        var read = RoundTrip(envelope);

        Assert.Contains("\"key_encoding\":\"base64\"", line);
        Assert.Contains("\"value_encoding\":\"base64\"", line);
        Assert.Contains("\"encoding\":\"base64\"", line);
        Assert.Equal(binary, read.Key);
        Assert.Equal(binary, read.Value);
        Assert.Equal(binary, read.Headers.Single().Value);
    }

    [Fact]
    public void Null_key_null_value_and_null_header_value_survive()
    {
        var read = RoundTrip(new MessageEnvelope(null, null, null, null, null, [KeyValuePair.Create<string, byte[]?>("h", null)], null));

        Assert.Null(read.Key);
        Assert.Null(read.Value);
        Assert.Null(read.Headers.Single().Value);
        Assert.Null(read.Topic);
    }

    [Fact]
    public void A_minimal_envelope_needs_only_a_value()
    {
        Assert.True(MessageEnvelopeJson.TryRead("""{"value":"hi"}""", out var read, out _));
        Assert.Equal(Encoding.UTF8.GetBytes("hi"), read!.Value);
        Assert.Empty(read.Headers);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"headers":5}""")]
    [InlineData("""{"headers":[{"value":"no key"}]}""")]
    [InlineData("""{"value":"!!!","value_encoding":"base64"}""")]
    [InlineData("""{"partition":"two"}""")]
    public void A_line_that_is_not_an_envelope_is_rejected_with_a_reason(string line)
    {
        Assert.False(MessageEnvelopeJson.TryRead(line, out var envelope, out var error));
        Assert.Null(envelope);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void A_decoded_value_is_written_as_its_json_with_its_schema_and_reads_back_as_its_original_bytes()
    {
        byte[] framed = [0, 0, 0, 0, 5, 0x54];
        var envelope = new MessageEnvelope("notes", 0, 1, null, [0, 0, 0, 0, 6, 0x02], [], framed)
        {
            KeySchema = new(6, Encoding: "avro", Json: "1"),
            ValueSchema = new(5, Encoding: "json-schema", Subject: "notes-value", Version: 2, Json: "{\n  \"id\": 42\n}"),
        };

        var line = MessageEnvelopeJson.Write(envelope);
        var read = RoundTrip(envelope);

        Assert.Equal("""{"topic":"notes","partition":0,"offset":1,"key":1,"key_encoding":"avro","key_schema_id":6,"key_bytes":"AAAAAAYC","headers":[],"value":{"id":42},"value_encoding":"json-schema","value_schema_id":5,"value_subject":"notes-value","value_version":2,"value_bytes":"AAAAAAVU"}""", line);
        Assert.Equal(envelope.Key, read.Key);
        Assert.Equal(framed, read.Value);
    }

    [Fact]
    public void A_line_that_says_a_value_was_decoded_but_lacks_its_bytes_is_not_an_envelope()
    {
        Assert.False(MessageEnvelopeJson.TryRead("""{"value":{"id":1},"value_encoding":"avro"}""", out _, out var error));
        Assert.StartsWith("not a valid envelope: ", error, StringComparison.Ordinal);
    }
}
