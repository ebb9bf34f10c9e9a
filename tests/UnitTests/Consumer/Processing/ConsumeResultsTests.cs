using System.Text;
using Confluent.Kafka;
using KafkaDemo.Common.Decoding;
using KafkaDemo.Consumer.Processing;

namespace KafkaDemo.UnitTests.Consumer.Processing;

public class ConsumeResultsTests
{
    private static ConsumeResult<byte[], byte[]> Record(byte[]? key, string value, Headers headers) => new()
    {
        Topic = "t",
        Partition = new Partition(1),
        Offset = new Offset(7),
        Message = new Message<byte[], byte[]> { Key = key!, Value = Encoding.UTF8.GetBytes(value), Headers = headers },
    };

    [Fact]
    public void The_key_and_headers_read_as_the_text_of_the_records_bytes()
    {
        var headers = new Headers { { "Content-Type", "text/plain"u8.ToArray() }, { "trace", [0x61, 0xFF] }, { "empty", null } };

        var message = ConsumeResults.Decode(Record("k\u00e9"u8.ToArray(), "{\"event_type\":\"x\"}", headers));

        Assert.Equal(("t", 1, 7L), (message.Topic, message.Partition, message.Offset));
        Assert.Equal("k\u00e9", message.Key);
        Assert.Equal(
            [KeyValuePair.Create("Content-Type", "text/plain"), KeyValuePair.Create("trace", "a\uFFFD"), KeyValuePair.Create("empty", string.Empty)],
            message.Headers);
    }

    [Fact]
    public void The_first_content_type_header_decides_whatever_its_case_and_no_key_stays_null()
    {
        var headers = new Headers { { "CONTENT-TYPE", "text/plain"u8.ToArray() }, { "content-type", "application/json"u8.ToArray() } };

        var message = ConsumeResults.Decode(Record(null, "{\"event_type\":\"x\"}", headers));

        Assert.Equal(PayloadKind.Plain, message.Decoded.Kind);
        Assert.Null(message.Key);
    }

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "Content-Type" }, false)]
    [InlineData(new[] { "trace" }, true)]
    [InlineData(new[] { "content-type", "trace" }, true)]
    [InlineData(new[] { "trace", "content-type" }, true)]
    [InlineData(new[] { "content-type", "CONTENT-TYPE" }, false)]
    public void Only_headers_not_named_content_type_are_worth_showing(string[] names, bool worthShowing)
    {
        var headers = new Headers();
        foreach (var name in names)
        {
            headers.Add(name, "v"u8.ToArray());
        }

        var message = ConsumeResults.Decode(Record(null, "text", headers));
        var before = message.HasHeadersBesidesContentType;
        _ = message.Headers;

        Assert.Equal(worthShowing, before);
        Assert.Equal(worthShowing, message.HasHeadersBesidesContentType);
    }
}
