using Confluent.Kafka;
using KafkaDemo.Common.Decoding;
using KafkaDemo.Common.Encodings;
using KafkaDemo.Common.Envelopes;
using KafkaDemo.Common.SchemaRegistry;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.Processing;
using Microsoft.Extensions.Logging.Abstractions;

namespace KafkaDemo.UnitTests.Consumer.Processing;

// --key-encoding and --value-encoding in every output form, through the Consumer's message path.
public class ShownPartsTests
{
    private static readonly byte[] NotUtf8 = [0xff, 0x00, 0x80, 0x0a];

    private readonly StringWriter _output = new();

    private string Write(ConsumeResult<byte[], byte[]> message, OutputFormat output = OutputFormat.Pretty, ByteEncoding key = ByteEncoding.Text,
        ByteEncoding value = ByteEncoding.Text, string? format = null)
    {
        var options = new ConsumerOptions("b", ["t"], "g")
        {
            Output = output,
            Format = format is null ? null : MessageFormat.Parse(format, out _),
            Encodings = new KeyValueEncodings(key, value),
        };
        var run = new RunContext(options, _output, CancellationToken.None);
        Assert.True(new MessageProcessor(options, run, null, NullLogger.Instance, null).Handle(message));
        run.Output.Flush();
        return _output.ToString();
    }

    private static ConsumeResult<byte[], byte[]> Message(byte[]? key, byte[]? value) => new()
    {
        Topic = "t",
        Partition = new Partition(0),
        Offset = new Offset(7),
        Message = new Message<byte[], byte[]> { Key = key!, Value = value!, Headers = [], Timestamp = new Timestamp(1, TimestampType.CreateTime) },
    };

    [Theory]
    [InlineData(ByteEncoding.Hex, "ff00800a\n")]
    [InlineData(ByteEncoding.Base64, "/wCACg==\n")]
    public void Raw_writes_binary_values_whole_in_hex_or_base64(ByteEncoding encoding, string expected)
    {
        Assert.Equal(expected, Write(Message(null, NotUtf8), OutputFormat.Raw, value: encoding));
    }

    [Fact]
    public void Raw_text_is_what_it_was_replacement_characters_and_the_line_break_included()
    {
        Assert.Equal("\ufffd\0\ufffd\n\n", Write(Message(null, NotUtf8), OutputFormat.Raw));
    }

    [Fact]
    public void A_null_value_is_an_empty_line_in_any_encoding()
    {
        Assert.Equal("\n", Write(Message(null, null), OutputFormat.Raw, value: ByteEncoding.Hex));
    }

    [Fact]
    public void Format_writes_the_key_and_value_each_in_its_own_encoding_and_lengths_in_bytes()
    {
        var written = Write(Message("k"u8.ToArray(), NotUtf8), key: ByteEncoding.Hex, value: ByteEncoding.Base64, format: @"%k %s %K %S\n");

        Assert.Equal("6b /wCACg== 1 4\n", written);
    }

    [Fact]
    public void Jsonl_writes_the_encodings_flagged_and_reads_back_byte_for_byte()
    {
        var line = Write(Message([0xfe, 0x01], NotUtf8), OutputFormat.Jsonl, key: ByteEncoding.Base64, value: ByteEncoding.Hex).TrimEnd('\n');

        Assert.Contains(""","key":"/gE=","key_encoding":"base64",""", line, StringComparison.Ordinal);
        Assert.EndsWith(""","value":"ff00800a","value_encoding":"hex"}""", line, StringComparison.Ordinal);
        Assert.True(MessageEnvelopeJson.TryRead(line, out var read, out _));
        Assert.Equal([0xfe, 0x01], read!.Key);
        Assert.Equal(NotUtf8, read.Value);
    }

    [Fact]
    public void Pretty_keeps_its_label_and_shows_the_key_and_value_in_their_encodings()
    {
        var json = """{"id":1,"event_type":"note_created"}"""u8.ToArray();

        var line = Write(Message("k"u8.ToArray(), json), key: ByteEncoding.Hex, value: ByteEncoding.Base64);

        Assert.Equal($"✅ JSON (note_created) | key=6b | partition=0 | offset=7 → {Convert.ToBase64String(json)}\n", line);
    }

    [Fact]
    public void Pretty_with_only_the_key_encoded_still_shows_the_decoded_value()
    {
        Assert.Equal("📦 Plain | key=/w== | partition=0 | offset=7 → hello\n", Write(Message([0xff], "hello"u8.ToArray()), key: ByteEncoding.Base64));
    }

    [Fact]
    public void Pretty_shows_a_tombstone_and_a_missing_key_as_before()
    {
        Assert.Equal("🪦 Tombstone | key=(none) | partition=0 | offset=7\n", Write(Message(null, null), key: ByteEncoding.Hex, value: ByteEncoding.Hex));
    }

    [Fact]
    public void A_framed_value_no_registry_decoded_is_shown_frame_and_all_in_its_encoding()
    {
        Assert.Equal("7 0000000007022a\n", Write(Message(null, [0, 0, 0, 0, 7, 0x02, 0x2a]), value: ByteEncoding.Hex, format: @"%i %s\n"));
    }

    [Fact]
    public void A_key_and_value_a_registry_decoded_stay_json_whatever_the_encoding()
    {
        var result = Message([0, 0, 0, 0, 6, 0x02], [0, 0, 0, 0, 5, 0x54]);
        var message = ConsumedMessage.From(result, MessageDecoder.Decode([0x54], null),
            keySchema: new RegistryData(6, Encoding: "avro", Json: "1"), valueSchema: new RegistryData(5, Encoding: "avro", Json: """{"id":42}"""));

        Assert.Equal(("1", """{"id":42}"""), (ShownParts.Key(result, message, ByteEncoding.Hex), ShownParts.Value(result, message, ByteEncoding.Base64)));
    }
}
