using System.Text;
using KafkaDemo.Common.Encodings;
using KafkaDemo.Producer;
using KafkaDemo.Producer.Sources;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.UnitTests.Producer.Sources;

// LineInput with --key-encoding, --value-encoding and --parse-headers: apart from LineInputTests
// only to keep each file short.
public class LineInputEncodingTests
{
    private static readonly ProducerOptions Defaults = new("b", "t", 0, TimeSpan.FromSeconds(5));

    private readonly RecordingLogger _logger = new();

    private List<OutgoingMessage> ReadAll(string text, ProducerOptions options, out long rejected)
    {
        var input = new LineInput(new StringReader(text), options, _logger);
        var messages = new List<OutgoingMessage>();
        while (input.TryNext(out var message))
        {
            messages.Add(message);
        }

        rejected = input.Rejected;
        return messages;
    }

    private static ProducerOptions Encoded(ByteEncoding key, ByteEncoding value) =>
        Defaults with { KeySeparator = ":", Encodings = new KeyValueEncodings(key, value) };

    [Fact]
    public void Random_binary_keys_and_values_written_as_hex_or_base64_are_sent_as_those_bytes()
    {
        var random = new Random(7);
        var pairs = Enumerable.Range(0, 20).Select(i => (Key: new byte[i], Value: new byte[64 - i])).ToList();
        pairs.ForEach(p => { random.NextBytes(p.Key); random.NextBytes(p.Value); });
        var lines = string.Join('\n', pairs.Select(p => $"{Convert.ToHexString(p.Key)}:{Convert.ToBase64String(p.Value)}"));

        var messages = ReadAll(lines, Encoded(ByteEncoding.Hex, ByteEncoding.Base64), out var rejected);

        Assert.Equal(0, rejected);
        Assert.Equal(pairs.Select(p => p.Key), messages.Select(m => m.Key));
        Assert.Equal(pairs.Select(p => p.Value), messages.Select(m => m.Value));
    }

    [Fact]
    public void A_key_or_value_that_does_not_decode_is_skipped_with_its_line_number_and_the_rest_are_sent()
    {
        var messages = ReadAll("6b:aGk=\nzz:aGk=\n6b:a$==\n6b6b:aGk=", Encoded(ByteEncoding.Hex, ByteEncoding.Base64), out var rejected);

        Assert.Equal([1L, 4L], messages.Select(m => m.Sequence));
        Assert.Equal(2, rejected);
        Assert.Equal(
            ["Input line 2 skipped: key: not hex: 'z' at position 1 of 'zz'", "Input line 3 skipped: value: not base64 (standard alphabet, with = padding): 'a$=='"],
            _logger.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Text));
    }

    [Fact]
    public void The_null_marker_is_matched_before_decoding_so_a_tombstone_needs_no_valid_hex()
    {
        var messages = ReadAll("6b:NULL\n6b:", Encoded(ByteEncoding.Hex, ByteEncoding.Hex) with { NullMarker = "NULL" }, out var rejected);

        Assert.Equal(0, rejected);
        Assert.All(messages, m => Assert.Null(m.Value));
        Assert.Equal("tombstone", messages[0].Label);
    }

    [Fact]
    public void Headers_per_line_come_with_each_message_before_the_key_and_value()
    {
        var options = Defaults with { KeySeparator = ":", LineHeaders = LineHeaderFormat.KafkaDefaults };

        var messages = ReadAll("trace:t-1,source:test\tuser-1:hello\n\tuser-2:no headers", options, out var rejected);

        Assert.Equal(0, rejected);
        Assert.Equal([[("trace", "t-1"), ("source", "test")], []], messages.Select(m => m.Headers.Select(h => (h.Key, Encoding.UTF8.GetString(h.Value!))).ToArray()));
        Assert.Equal(["user-1", "user-2"], messages.Select(m => Encoding.UTF8.GetString(m.Key!)));
        Assert.Equal(["hello", "no headers"], messages.Select(m => Encoding.UTF8.GetString(m.Value!)));
    }

    [Fact]
    public void A_line_without_its_headers_delimiter_is_skipped_with_its_line_number()
    {
        var messages = ReadAll("h:1\tv\nno tab", Defaults with { LineHeaders = LineHeaderFormat.KafkaDefaults }, out var rejected);

        Assert.Single(messages);
        Assert.Equal(1, rejected);
        Assert.Contains("Input line 2 skipped: no headers delimiter (a tab) before the key and value", _logger.Entries.Select(e => e.Text));
    }

    [Fact]
    public void Headers_binary_keys_and_values_combine_on_one_line()
    {
        var options = Defaults with { KeySeparator = "\t", LineHeaders = LineHeaderFormat.KafkaDefaults, Encodings = new KeyValueEncodings(ByteEncoding.Base64, ByteEncoding.Hex) };

        var message = Assert.Single(ReadAll("h:v\t/w==\t00ff", options, out _));

        Assert.Equal("h", message.Headers.Single().Key);
        Assert.Equal([0xff], message.Key);
        Assert.Equal([0x00, 0xff], message.Value);
    }
}
