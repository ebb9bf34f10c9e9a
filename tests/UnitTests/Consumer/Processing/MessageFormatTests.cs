using System.Text;
using Confluent.Kafka;
using KafkaDemo.Consumer.Processing;

namespace KafkaDemo.UnitTests.Consumer.Processing;

public class MessageFormatTests
{
    private static readonly ConsumeResult<byte[], byte[]> Message = new()
    {
        Topic = "notes",
        Partition = new Partition(2),
        Offset = new Offset(41),
        Message = new Message<byte[], byte[]>
        {
            Key = "k1"u8.ToArray(),
            Value = "héllo"u8.ToArray(),
            Headers = new Headers { { "trace", "t-1"u8.ToArray() }, { "empty", null } },
            Timestamp = new Timestamp(1_700_000_000_123, TimestampType.CreateTime),
        },
    };

    private static string Render(string format, ConsumeResult<byte[], byte[]>? result = null)
    {
        var parsed = MessageFormat.Parse(format, out var error);
        Assert.Null(error);
        return parsed!.Render(result ?? Message);
    }

    [Fact]
    public void Every_token_is_replaced_and_escapes_become_their_characters()
    {
        Assert.Equal("notes|2|41|k1|héllo|2|6|1700000000123|trace=t-1,empty=\n",
            Render(@"%t|%p|%o|%k|%s|%K|%S|%T|%h\n"));
    }

    [Fact]
    public void Text_between_tokens_is_kept_and_a_double_percent_is_one_percent()
    {
        Assert.Equal("key k1 is 100% \\ \tdone\r\n", Render(@"key %k is 100%% \\ \tdone\r\n"));
    }

    [Fact]
    public void Nothing_is_added_so_without_a_line_break_messages_run_together()
    {
        Assert.Equal("héllo", Render("%s"));
    }

    [Fact]
    public void A_null_key_and_value_print_as_nothing_with_lengths_of_minus_one()
    {
        var tombstone = new ConsumeResult<byte[], byte[]>
        {
            Topic = "t",
            Partition = new Partition(0),
            Offset = new Offset(0),
            Message = new Message<byte[], byte[]> { Key = null!, Value = null!, Timestamp = Timestamp.Default },
        };

        Assert.Equal("[][]-1-1-1", Render("[%k][%s]%K%S%T", tombstone));
    }

    [Theory]
    [InlineData("%x", "unknown token '%x'")]
    [InlineData(@"\q", @"unknown escape '\q'")]
    [InlineData("%s %", "'%' at the end of the format needs a letter after it")]
    public void Unknown_tokens_and_escapes_are_refused_with_what_is_wrong(string format, string expected)
    {
        Assert.Null(MessageFormat.Parse(format, out var error));
        Assert.StartsWith(expected, error);
    }
}
