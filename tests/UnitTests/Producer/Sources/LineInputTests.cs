using System.Text;
using KafkaDemo.Common.Envelopes;
using KafkaDemo.Producer;
using KafkaDemo.Producer.Sources;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.UnitTests.Producer.Sources;

public class LineInputTests
{
    private readonly RecordingLogger _logger = new();

    private static ProducerOptions Lines() => new("b", "t", 0, TimeSpan.FromSeconds(1)) { Input = "-", KeyStrategy = KeyStrategy.None };

    private List<OutgoingMessage> ReadAll(string text, ProducerOptions options, out LineInput input)
    {
        input = new LineInput(new StringReader(text), options, _logger);
        var messages = new List<OutgoingMessage>();
        while (input.TryNext(out var message))
        {
            messages.Add(message);
        }

        return messages;
    }

    private static string? Text(byte[]? bytes) => bytes is null ? null : Encoding.UTF8.GetString(bytes);

    [Fact]
    public void Each_line_is_a_value_numbered_by_its_line_and_the_end_of_input_ends_the_source()
    {
        var messages = ReadAll("first\nsecond\n", Lines(), out var input);

        Assert.Equal([("first", 1L), ("second", 2L)], messages.Select(m => (Text(m.Value), m.Sequence)));
        Assert.All(messages, m => Assert.Null(m.Key));
        Assert.False(input.TryNext(out _));
    }

    [Fact]
    public void The_text_before_the_first_separator_is_the_key_and_a_line_without_one_has_the_strategys_key()
    {
        var messages = ReadAll("k1:v:with:colons\nno key here\n", Lines() with { KeySeparator = ":", KeyStrategy = KeyStrategy.Fixed, FixedKey = "f" }, out _);

        Assert.Equal([("k1", "v:with:colons"), ("f", "no key here")], messages.Select(m => (Text(m.Key), Text(m.Value))));
    }

    [Fact]
    public void With_a_null_marker_only_the_marker_and_empty_values_after_a_separator_become_null()
    {
        var messages = ReadAll("NULL\nk:\nk:NULL\n\nNULLS\n", Lines() with { KeySeparator = ":", NullMarker = "NULL" }, out _);

        Assert.Equal([null, null, null, "", "NULLS"], messages.Select(m => Text(m.Value)));
        Assert.Equal(["tombstone", "tombstone", "tombstone", null, null], messages.Select(m => m.Label));
    }

    [Fact]
    public void A_malformed_envelope_is_reported_with_its_line_number_and_skipped_and_the_next_line_still_comes()
    {
        var good = MessageEnvelopeJson.Write(new MessageEnvelope("src", 2, 7, 1_700_000_000_000, Encoding.UTF8.GetBytes("k"), [], Encoding.UTF8.GetBytes("v")));
        var options = Lines() with { InputFormat = InputFormat.Jsonl, KeepPartitions = true };

        var messages = ReadAll($"{{not json\n\n{good}\n", options, out var input);

        var message = Assert.Single(messages);
        Assert.Equal(("k", "v", 2, 1_700_000_000_000L, 3L), (Text(message.Key), Text(message.Value), message.Partition, message.Timestamp, message.Sequence));
        Assert.Equal(1, input.Rejected);
        var (level, text) = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Error, level);
        Assert.StartsWith("Input line 1 skipped", text);
    }

    [Fact]
    public void Without_keep_partitions_an_envelope_goes_where_the_partitioner_puts_it()
    {
        var line = MessageEnvelopeJson.Write(new MessageEnvelope("src", 2, 7, null, null, [], Encoding.UTF8.GetBytes("v")));

        var message = Assert.Single(ReadAll(line, Lines() with { InputFormat = InputFormat.Jsonl }, out _));

        Assert.Null(message.Partition);
    }
}
