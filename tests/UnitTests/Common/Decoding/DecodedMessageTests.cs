using System.Text;
using KafkaDemo.Common.Decoding;

namespace KafkaDemo.UnitTests.Common.Decoding;

public class DecodedMessageTests
{
    [Fact]
    public void A_value_decoded_from_bytes_reads_as_the_text_of_those_bytes()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"id":1,"event_type":"note_created","text":"héllo"}""");

        var decoded = MessageDecoder.Decode(bytes, "application/json");

        Assert.Equal("""{"id":1,"event_type":"note_created","text":"héllo"}""", decoded.Text);
        Assert.Same(decoded.Text, decoded.Text);
    }

    [Fact]
    public void Invalid_bytes_read_as_replacement_characters()
    {
        var decoded = MessageDecoder.Decode([0x68, 0xFF, 0x69], "text/plain");

        Assert.Equal("h\uFFFDi", decoded.Text);
        Assert.False(decoded.IsValidUtf8);
    }

    [Fact]
    public void Two_messages_are_equal_when_they_say_the_same_whether_their_text_was_made_or_given()
    {
        var fromBytes = MessageDecoder.Decode(Encoding.UTF8.GetBytes("hello"), "text/plain");
        var given = new DecodedMessage(PayloadKind.Plain, "hello");

        Assert.Equal(given, fromBytes);
        Assert.Equal(given.GetHashCode(), fromBytes.GetHashCode());
        Assert.NotEqual(new DecodedMessage(PayloadKind.Invalid, "hello", Error: "why"), fromBytes);
    }

    [Fact]
    public void The_demos_event_types_come_back_as_one_string_each()
    {
        var first = MessageDecoder.Decode("""{"event_type":"note_created"}"""u8.ToArray(), null);
        var second = MessageDecoder.Decode("""{"event_type":"note_created","id":2}"""u8.ToArray(), null);
        var other = MessageDecoder.Decode("""{"event_type":"note_archived"}"""u8.ToArray(), null);

        Assert.Same(first.EventType, second.EventType);
        Assert.Equal("note_archived", other.EventType);
    }
}
