using System.Text.Json;
using Confluent.Kafka;
using KafkaDemo.Common.Envelopes;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.Processing;
using Microsoft.Extensions.Logging.Abstractions;

namespace KafkaDemo.UnitTests.Consumer.Processing;

// Without a registry: a schema-registry framed key or value is labelled with its schema id in every
// output form, its bytes kept as they are.
public class FramedMessageTests
{
    // Magic byte 0, schema id 7, then Avro bytes that are not valid UTF-8.
    private static readonly byte[] s_framed = [0, 0, 0, 0, 7, 0x02, 0xC3, 0x28];

    private readonly StringWriter _output = new();

    private string Run(ConsumerOptions options, ConsumeResult<byte[], byte[]> message)
    {
        var run = new RunContext(options, _output, CancellationToken.None);
        Assert.True(new MessageProcessor(options, run, null, NullLogger.Instance, null).Handle(message));
        return _output.ToString().TrimEnd('\n');
    }

    private static ConsumerOptions Options(OutputFormat output = OutputFormat.Pretty, string? format = null) =>
        new("b", ["t"], "g") { Output = output, Format = format is null ? null : MessageFormat.Parse(format, out _) };

    internal static ConsumeResult<byte[], byte[]> Message(byte[]? key, byte[]? value, Headers? headers = null) => new()
    {
        Topic = "t",
        Partition = new Partition(1),
        Offset = new Offset(9),
        Message = new Message<byte[], byte[]> { Key = key!, Value = value!, Headers = headers ?? [], Timestamp = new Timestamp(1_700_000_000_000, TimestampType.CreateTime) },
    };

    [Fact]
    public void A_framed_value_is_labelled_with_its_schema_id_on_the_line()
    {
        var line = Run(Options(), Message("k"u8.ToArray(), s_framed));

        Assert.StartsWith("🧾 Schema-registry framed, schema id 7 | key=k | partition=1 | offset=9 → ", line);
    }

    [Fact]
    public void A_value_named_by_a_schema_id_header_is_labelled_with_that_id()
    {
        var line = Run(Options(), Message(null, [0x02, 0x41], [new Header("__value_schema_id", [0, 0, 0, 1, 2])]));

        Assert.StartsWith("🧾 Schema-registry framed, schema id 258 | key=(none) | partition=1 | offset=9 | headers=__value_schema_id:", line);
    }

    [Fact]
    public void A_framed_key_is_labelled_on_the_line_and_in_jsonl()
    {
        var message = Message([0, 0, 0, 0, 3, (byte)'a'], "text"u8.ToArray());

        var line = Run(Options(), message);
        _output.GetStringBuilder().Clear();
        var json = JsonDocument.Parse(Run(Options(OutputFormat.Jsonl), message)).RootElement;

        Assert.StartsWith("📦 Plain | key=(schema-registry framed, schema id 3) \\u0000\\u0000\\u0000\\u0000\\u0003a | ", line);
        Assert.Equal(3, json.GetProperty("key_schema_id").GetInt32());
        Assert.False(json.TryGetProperty("value_schema_id", out _));
    }

    [Fact]
    public void In_jsonl_a_framed_value_keeps_its_bytes_as_base64_and_gains_its_schema_id()
    {
        var line = Run(Options(OutputFormat.Jsonl), Message(null, s_framed));

        Assert.EndsWith($$""","value":"{{Convert.ToBase64String(s_framed)}}","value_encoding":"base64","value_schema_id":7}""", line);
        Assert.True(MessageEnvelopeJson.TryRead(line, out var envelope, out _));
        Assert.Equal(s_framed, envelope!.Value);
    }

    [Fact]
    public void The_format_tokens_i_and_I_give_the_value_and_key_schema_ids_and_nothing_when_not_framed()
    {
        var framed = Run(Options(format: "[%i][%I]\\n"), Message([0, 0, 0, 0, 4], s_framed));
        _output.GetStringBuilder().Clear();
        var plain = Run(Options(format: "[%i][%I]\\n"), Message("k"u8.ToArray(), "v"u8.ToArray()));

        Assert.Equal(("[7][4]", "[][]"), (framed, plain));
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 1 })]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 5 })]
    [InlineData(new byte[] { 1, 0, 0, 0, 7 })]
    public void A_value_that_is_not_a_whole_frame_is_shown_as_the_bytes_it_is(byte[] value)
    {
        var line = Run(Options(), Message(null, value));

        Assert.StartsWith("📦 Plain | ", line);
    }
}
