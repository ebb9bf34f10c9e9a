using KafkaDemo.Consumer.SchemaRegistry;

namespace KafkaDemo.UnitTests.Consumer.SchemaRegistry;

public class ProtobufRawJsonTests
{
    [Theory]
    // 1: varint 150; 2: "hello"; 3: a nested message {1: 1}; 4 twice: an array. As with protoc,
    // text whose bytes happen to parse as a message ("hi") would show as one.
    [InlineData(new byte[] { 0x08, 0x96, 0x01, 0x12, 0x05, 0x68, 0x65, 0x6C, 0x6C, 0x6F, 0x1A, 0x02, 0x08, 0x01, 0x20, 0x01, 0x20, 0x02 }, """{"1":150,"2":"hello","3":{"1":1},"4":[1,2]}""")]
    // 1: fixed32 1; 2: fixed64 2; 3: bytes that are neither a message nor UTF-8.
    [InlineData(new byte[] { 0x0D, 1, 0, 0, 0, 0x11, 2, 0, 0, 0, 0, 0, 0, 0, 0x1A, 0x01, 0xFF }, """{"1":1,"2":2,"3":"FF"}""")]
    [InlineData(new byte[] { }, "{}")]
    public void Fields_are_shown_by_number_as_protoc_decode_raw_does(byte[] data, string json)
    {
        Assert.True(ProtobufRawJson.TryRead(data, out var read, out var error), error);
        Assert.Equal(json, read);
    }

    [Theory]
    [InlineData(new byte[] { 0x08 }, "field 1 (wire type 0) cannot be read at byte 1")]
    [InlineData(new byte[] { 0x12, 0x05, 0x41 }, "field 2 (wire type 2) cannot be read at byte 2")]
    [InlineData(new byte[] { 0x0B }, "field 1 (wire type 3) cannot be read at byte 1")]
    [InlineData(new byte[] { 0x00 }, "no field tag at byte 1")]
    public void Bytes_that_are_not_protobuf_data_are_refused_with_where(byte[] data, string reason)
    {
        Assert.False(ProtobufRawJson.TryRead(data, out _, out var error));
        Assert.Equal(reason, error);
    }
}
