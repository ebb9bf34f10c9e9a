using KafkaDemo.Common.Events;

namespace KafkaDemo.UnitTests.Common.Events;

public class NoteEventProtobufTests
{
    [Fact]
    public void Encodes_the_documented_wire_format()
    {
        // Field 1 varint 150 is the protobuf guide's own example: 08 96 01.
        var bytes = NoteEventProtobuf.Encode(new NoteEvent(150, "a", "bc"));

        Assert.Equal(new byte[] { 0x08, 0x96, 0x01, 0x12, 0x01, (byte)'a', 0x1a, 0x02, (byte)'b', (byte)'c' }, bytes);
    }

    // Bytes written by the hand-coded encoder this project used before the schema became a .proto
    // file: messages already on a topic must decode the same, and new ones must be byte-identical.
    [Theory]
    [InlineData(1, "note_created", "Note 1 created", "0801120c6e6f74655f637265617465641a0e4e6f746520312063726561746564")]
    [InlineData(-2, "note_deleted", "ü ✅", "08feffffffffffffffff01120c6e6f74655f64656c657465641a06c3bc20e29c85")]
    [InlineData(300, "", "", "08ac02")]
    [InlineData(0, "note_updated", "", "120c6e6f74655f75706461746564")]
    public void Encoding_is_byte_identical_to_messages_written_before(int id, string eventType, string text, string hex)
    {
        var note = new NoteEvent(id, eventType, text);
        var bytes = Convert.FromHexString(hex);

        Assert.Equal(bytes, NoteEventProtobuf.Encode(note));
        Assert.True(NoteEventProtobuf.TryDecode(bytes, out var decoded, out _));
        Assert.Equal(note, decoded);
    }

    [Fact]
    public void Default_values_are_omitted_as_in_proto3()
    {
        Assert.Empty(NoteEventProtobuf.Encode(new NoteEvent(0, "", "")));
    }

    [Theory]
    [InlineData(1, "note_created", "Note 1 created")]
    [InlineData(-5, "note_deleted", "ünïcödé ✅")]
    [InlineData(int.MaxValue, "x", "")]
    [InlineData(int.MinValue, "", "y")]
    public void Round_trips(int id, string eventType, string text)
    {
        var original = new NoteEvent(id, eventType, text);

        Assert.True(NoteEventProtobuf.TryDecode(NoteEventProtobuf.Encode(original), out var decoded, out var error));
        Assert.Null(error);
        Assert.Equal(original, decoded);
    }

    [Fact]
    public void Unknown_fields_are_skipped()
    {
        byte[] bytes = [0x08, 0x07, 0x20, 0x01, 0x2a, 0x01, 0x00, 0x12, 0x01, (byte)'t'];

        Assert.True(NoteEventProtobuf.TryDecode(bytes, out var decoded, out _));
        Assert.Equal(new NoteEvent(7, "t", ""), decoded);
    }

    [Theory]
    [InlineData(new byte[] { 0x12, 0x05, 0x61 })]
    [InlineData(new byte[] { 0x08 })]
    [InlineData(new byte[] { 0x00 })]
    [InlineData(new byte[] { 0x0f })]
    [InlineData(new byte[] { 0x12, 0x01, 0xff })]
    public void Malformed_bytes_are_rejected_with_a_reason(byte[] bytes)
    {
        Assert.False(NoteEventProtobuf.TryDecode(bytes, out var decoded, out var error));
        Assert.Null(decoded);
        Assert.StartsWith("malformed protobuf", error);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(7);
        for (var i = 0; i < 10_000; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            NoteEventProtobuf.TryDecode(bytes, out var decoded, out var error);
            Assert.True(decoded is null ^ error is null);
        }
    }
}
