using System.Text;
using KafkaDemo.Common.Decoding;

namespace KafkaDemo.UnitTests.Common.Decoding;

public class MessageDecoderTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void A_null_value_is_a_tombstone()
    {
        var decoded = MessageDecoder.Decode(null, null);

        Assert.Equal(PayloadKind.Tombstone, decoded.Kind);
        Assert.Equal(string.Empty, decoded.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("Application/JSON; charset=utf-8")]
    public void A_valid_event_is_json_with_its_event_type(string? contentType)
    {
        var decoded = MessageDecoder.Decode(Utf8("""{"id":1,"event_type":"note_created","text":"hi"}"""), contentType);

        Assert.Equal(PayloadKind.Json, decoded.Kind);
        Assert.Equal("note_created", decoded.EventType);
        Assert.Null(decoded.Error);
    }

    [Fact]
    public void Extra_fields_and_missing_optional_fields_are_accepted()
    {
        var decoded = MessageDecoder.Decode(Utf8("""{"event_type":"note_updated","author":"ada"}"""), null);

        Assert.Equal(PayloadKind.Json, decoded.Kind);
    }

    [Fact]
    public void The_text_plain_header_wins_over_a_json_looking_payload()
    {
        var decoded = MessageDecoder.Decode(Utf8("""{"event_type":"note_created"}"""), "text/plain");

        Assert.Equal(PayloadKind.Plain, decoded.Kind);
        Assert.Null(decoded.EventType);
    }

    [Theory]
    [InlineData("hello world")]
    [InlineData("[1,2,3]")]
    [InlineData("42")]
    [InlineData("\"a string\"")]
    [InlineData("{ not json at all")]
    [InlineData("")]
    public void Without_a_header_anything_but_a_json_object_is_plain_text(string payload)
    {
        var decoded = MessageDecoder.Decode(Utf8(payload), null);

        Assert.Equal(PayloadKind.Plain, decoded.Kind);
        Assert.Equal(payload, decoded.Text);
    }

    [Theory]
    [InlineData("[1,2,3]", "JSON array is not an event object")]
    [InlineData("42", "JSON number is not an event object")]
    [InlineData("{ not json", "malformed JSON")]
    [InlineData("""{"event_type":"a"} trailing""", "malformed JSON")]
    [InlineData("", "malformed JSON")]
    public void Declared_json_that_is_no_event_object_is_invalid(string payload, string reason)
    {
        var decoded = MessageDecoder.Decode(Utf8(payload), "application/json");

        Assert.Equal(PayloadKind.Invalid, decoded.Kind);
        Assert.StartsWith(reason, decoded.Error);
    }

    [Theory]
    [InlineData("""{"id":1,"text":"no type"}""", "missing field event_type")]
    [InlineData("""{"event_type":7}""", "event_type must be a string, not the number 7")]
    [InlineData("""{"event_type":""}""", "event_type is empty")]
    [InlineData("""{"event_type":"\ud800"}""", "event_type is not valid Unicode text")]
    [InlineData("""{"event_type":"a","event_type":null}""", "event_type must be a string, not null")]
    [InlineData("""{"event_type":"note_created","id":"one"}""", "id must be a 32-bit integer, not a string")]
    [InlineData("""{"event_type":"note_created","id":1.5}""", "id must be a 32-bit integer, not the number 1.5")]
    [InlineData("""{"event_type":"note_created","id":99999999999}""", "id must be a 32-bit integer, not the number 99999999999")]
    [InlineData("""{"event_type":"note_created","text":null}""", "text must be a string, not null")]
    [InlineData("""{"event_type":"note_created","text":5}""", "text must be a string, not the number 5")]
    public void A_json_object_with_missing_or_mistyped_fields_is_invalid_and_says_why(string payload, string reason)
    {
        var decoded = MessageDecoder.Decode(Utf8(payload), null);

        Assert.Equal(PayloadKind.Invalid, decoded.Kind);
        Assert.Equal(reason, decoded.Error);
        Assert.Null(decoded.EventType);
    }

    [Fact]
    public void Invalid_utf8_is_plain_text_with_replacement_characters()
    {
        byte[] payload = [(byte)'o', (byte)'k', 0xC3, 0x28, 0xFF];

        var decoded = MessageDecoder.Decode(payload, null);

        Assert.Equal(PayloadKind.Plain, decoded.Kind);
        Assert.False(decoded.IsValidUtf8);
        Assert.StartsWith("ok\uFFFD", decoded.Text);
    }

    [Fact]
    public void Declared_json_with_invalid_utf8_is_invalid()
    {
        byte[] payload = [(byte)'{', 0xFF, (byte)'}'];

        var decoded = MessageDecoder.Decode(payload, "application/json");

        Assert.Equal(PayloadKind.Invalid, decoded.Kind);
        Assert.Equal("value is not valid UTF-8", decoded.Error);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_rejected_not_crashed_on()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000);

        var declared = MessageDecoder.Decode(Utf8(deep), "application/json");
        var undeclared = MessageDecoder.Decode(Utf8(deep), null);

        Assert.Equal(PayloadKind.Invalid, declared.Kind);
        Assert.Contains("malformed JSON", declared.Error);
        Assert.Equal(PayloadKind.Plain, undeclared.Kind);
    }

    [Fact]
    public void Ten_thousand_random_payloads_all_decode_without_throwing()
    {
        var random = new Random(20261122);
        string?[] contentTypes = [null, "application/json", "text/plain", "application/octet-stream", ""];

        for (var i = 0; i < 10_000; i++)
        {
            var payload = new byte[random.Next(0, 256)];
            random.NextBytes(payload);
            if (i % 2 == 0 && payload.Length > 0)
            {
                payload[0] = (byte)'{';
            }

            var decoded = MessageDecoder.Decode(payload, contentTypes[i % contentTypes.Length]);

            Assert.NotNull(decoded.Text);
            Assert.Equal(decoded.Kind == PayloadKind.Invalid, decoded.Error is not null);
        }
    }

    [Fact]
    public void A_protobuf_event_is_decoded_by_its_content_type_and_shown_as_json()
    {
        var bytes = KafkaDemo.Common.Events.NoteEventProtobuf.Encode(new KafkaDemo.Common.Events.NoteEvent(4, "note_created", "hi"));

        var decoded = MessageDecoder.Decode(bytes, "application/x-protobuf");

        Assert.Equal(PayloadKind.Protobuf, decoded.Kind);
        Assert.Equal("note_created", decoded.EventType);
        Assert.Equal("""{"id":4,"event_type":"note_created","text":"hi"}""", decoded.Text);
    }

    [Theory]
    [InlineData(new byte[] { 0x12, 0x09, 0x61 }, "malformed protobuf: While parsing a protocol message, the input ended unexpectedly in the middle of a field")]
    [InlineData(new byte[] { 0x08, 0x01 }, "event_type is empty")]
    public void Declared_protobuf_that_is_no_event_is_invalid(byte[] bytes, string reason)
    {
        var decoded = MessageDecoder.Decode(bytes, "application/x-protobuf");

        Assert.Equal(PayloadKind.Invalid, decoded.Kind);
        Assert.Equal(reason, decoded.Error);
    }

    [Theory]
    [InlineData(" TEXT/plain ;charset=utf-8")]
    [InlineData("text/plain\t")]
    public void The_header_bytes_are_matched_without_case_parameters_or_surrounding_spaces(string header)
    {
        var decoded = MessageDecoder.DecodeWithHeader(Utf8("""{"event_type":"note_created"}"""), Utf8(header));

        Assert.Equal(PayloadKind.Plain, decoded.Kind);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x74, 0x65, 0x78, 0x74, 0xC3, 0xA9 })]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00 })]
    public void An_empty_or_unknown_header_leaves_the_payload_to_decide(byte[] header)
    {
        var decoded = MessageDecoder.DecodeWithHeader(Utf8("""{"event_type":"note_created"}"""), header);

        Assert.Equal(PayloadKind.Json, decoded.Kind);
        Assert.Equal("note_created", decoded.EventType);
    }
}
