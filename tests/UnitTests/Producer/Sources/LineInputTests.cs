using System.Text;
using KafkaDemo.Producer.Keys;
using KafkaDemo.Producer;
using KafkaDemo.Producer.Sources;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.UnitTests.Producer.Sources;

public class LineInputTests
{
    private static readonly ProducerOptions Defaults = new("b", "t", 0, TimeSpan.FromSeconds(5));

    private readonly RecordingLogger _logger = new();

    private LineInput Create(string text, ProducerOptions? options = null) =>
        new(new StringReader(text), options ?? Defaults, _logger);

    private static List<OutgoingMessage> ReadAll(LineInput input)
    {
        var messages = new List<OutgoingMessage>();
        while (input.TryNext(out var message))
        {
            messages.Add(message);
        }

        return messages;
    }

    private static string? Text(byte[]? bytes) => bytes is null ? null : Encoding.UTF8.GetString(bytes);

    private static void AssertValuesAndLineNumbers(List<OutgoingMessage> messages, string[] values, long[] lineNumbers)
    {
        Assert.Equal(values, messages.Select(m => Text(m.Value)));
        Assert.Equal(lineNumbers, messages.Select(m => m.Sequence));
    }

    [Fact]
    public void Each_line_is_one_message_whose_value_is_the_line_and_whose_sequence_is_the_line_number()
    {
        var input = Create("first\nsecond\r\nthird");

        var messages = ReadAll(input);

        AssertValuesAndLineNumbers(messages, ["first", "second", "third"], [1, 2, 3]);
        Assert.All(messages, m =>
        {
            Assert.Null(m.Key);
            Assert.Empty(m.Headers);
            Assert.Null(m.Partition);
            Assert.Null(m.Timestamp);
            Assert.Null(m.Label);
        });
    }

    [Fact]
    public void The_end_of_input_returns_false_and_keeps_returning_false()
    {
        var input = Create("only");

        Assert.True(input.TryNext(out _));

        Assert.False(input.TryNext(out _));
        Assert.False(input.TryNext(out _));
        Assert.Equal(0, input.Rejected);
    }

    [Fact]
    public void Empty_input_has_no_messages()
    {
        var input = Create(string.Empty);

        Assert.False(input.TryNext(out _));
    }

    [Fact]
    public void An_empty_plain_line_is_an_empty_message_not_skipped()
    {
        var input = Create("a\n\nb");

        var messages = ReadAll(input);

        AssertValuesAndLineNumbers(messages, ["a", "", "b"], [1, 2, 3]);
    }

    [Fact]
    public void With_a_key_separator_the_text_before_its_first_occurrence_is_the_key()
    {
        var input = Create("user-1|hello\nuser-2|a|b\n|no key text", Defaults with { KeySeparator = "|" });

        var messages = ReadAll(input);

        Assert.Equal(["user-1", "user-2", ""], messages.Select(m => Text(m.Key)));
        Assert.Equal(["hello", "a|b", "no key text"], messages.Select(m => Text(m.Value)));
    }

    [Fact]
    public void A_separator_of_several_characters_is_matched_whole()
    {
        var input = Create("k::v:w", Defaults with { KeySeparator = "::" });

        Assert.True(input.TryNext(out var message));

        Assert.Equal("k", Text(message.Key));
        Assert.Equal("v:w", Text(message.Value));
    }

    [Fact]
    public void A_line_without_the_separator_gets_its_key_from_the_key_strategy()
    {
        var options = Defaults with { KeySeparator = "|", KeyStrategy = KeyStrategy.Fixed, FixedKey = "fixed" };
        var input = Create("own|value\nplain value", options);

        var messages = ReadAll(input);

        Assert.Equal(["own", "fixed"], messages.Select(m => Text(m.Key)));
        Assert.Equal(["value", "plain value"], messages.Select(m => Text(m.Value)));
    }

    [Fact]
    public void Without_a_separator_the_whole_line_is_the_value_even_if_it_contains_one()
    {
        var input = Create("user-1|hello");

        Assert.True(input.TryNext(out var message));

        Assert.Null(message.Key);
        Assert.Equal("user-1|hello", Text(message.Value));
    }

    [Fact]
    public void An_explicit_partition_applies_to_plain_lines()
    {
        var input = Create("x", Defaults with { Partition = 4 });

        Assert.True(input.TryNext(out var message));

        Assert.Equal(4, message.Partition);
    }

    [Fact]
    public void A_jsonl_line_becomes_a_message_with_the_envelopes_key_value_headers_and_timestamp()
    {
        const string Line = """{"topic":"src","partition":3,"offset":9,"timestamp":1700000000000,"key":"k1","headers":[{"key":"h","value":"v"},{"key":"empty","value":null}],"value":"hello"}""";
        var input = Create(Line, Defaults with { InputFormat = InputFormat.Jsonl });

        Assert.True(input.TryNext(out var message));

        Assert.Equal("k1", Text(message.Key));
        Assert.Equal("hello", Text(message.Value));
        Assert.Equal(1_700_000_000_000, message.Timestamp);
        Assert.Equal([("h", "v"), ("empty", (string?)null)], message.Headers.Select(h => (h.Key, Text(h.Value))));
        Assert.Null(message.Partition);
        Assert.Equal(1, message.Sequence);
    }

    [Fact]
    public void A_jsonl_line_with_a_null_value_is_a_tombstone()
    {
        var input = Create("""{"key":"k","value":null}""", Defaults with { InputFormat = InputFormat.Jsonl });

        Assert.True(input.TryNext(out var message));

        Assert.Equal("k", Text(message.Key));
        Assert.Null(message.Value);
    }

    [Theory]
    [InlineData(false, null, null)]
    [InlineData(true, null, 3)]
    [InlineData(true, 7, 7)]
    [InlineData(false, 7, 7)]
    public void The_envelopes_partition_is_kept_only_when_asked_and_an_explicit_partition_wins(bool keepPartitions, int? partition, int? expected)
    {
        var options = Defaults with { InputFormat = InputFormat.Jsonl, KeepPartitions = keepPartitions, Partition = partition };
        var input = Create("""{"partition":3,"value":"v"}""", options);

        Assert.True(input.TryNext(out var message));

        Assert.Equal(expected, message.Partition);
    }

    [Fact]
    public void A_malformed_jsonl_line_is_reported_with_its_number_counted_and_skipped()
    {
        var input = Create("""
            {"value":"one"}
            {not json
            {"value":"three"}
            """, Defaults with { InputFormat = InputFormat.Jsonl });

        var messages = ReadAll(input);

        AssertValuesAndLineNumbers(messages, ["one", "three"], [1, 3]);
        Assert.Equal(1, input.Rejected);
        var (level, text) = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Error, level);
        Assert.StartsWith("Input line 2 skipped: not a valid envelope", text);
    }

    [Theory]
    [InlineData("[1,2]", "an envelope must be a JSON object")]
    [InlineData("""{"headers":{}}""", "\"headers\" must be an array")]
    [InlineData("""{"partition":"three"}""", "not a valid envelope")]
    public void Each_kind_of_bad_envelope_is_rejected_with_its_reason(string line, string reason)
    {
        var input = Create(line, Defaults with { InputFormat = InputFormat.Jsonl });

        Assert.False(input.TryNext(out _));

        Assert.Equal(1, input.Rejected);
        Assert.Contains(reason, Assert.Single(_logger.Entries).Text);
    }

    [Fact]
    public void Blank_jsonl_lines_are_skipped_without_being_rejected_but_still_numbered()
    {
        var input = Create("\n   \n{\"value\":\"v\"}\n", Defaults with { InputFormat = InputFormat.Jsonl });

        var messages = ReadAll(input);

        Assert.Equal(3, Assert.Single(messages).Sequence);
        Assert.Equal(0, input.Rejected);
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public void Several_threads_share_the_input_and_each_line_keeps_its_own_number()
    {
        const int Lines = 2_000;
        var input = Create(string.Join('\n', Enumerable.Range(1, Lines).Select(n => $"line {n}")));
        var read = new System.Collections.Concurrent.ConcurrentBag<OutgoingMessage>();

        Parallel.For(0, 4, _ =>
        {
            while (input.TryNext(out var message))
            {
                read.Add(message);
            }
        });

        Assert.Equal(Enumerable.Range(1, Lines).Select(n => (long)n), read.Select(m => m.Sequence).Order());
        Assert.All(read, m => Assert.Equal($"line {m.Sequence}", Text(m.Value)));
    }

    [Fact]
    public void With_a_null_marker_only_the_marker_and_empty_values_after_a_separator_become_null()
    {
        var input = Create("NULL\nk:\nk:NULL\n\nNULLS\n", Defaults with { KeySeparator = ":", KeyStrategy = KeyStrategy.None, NullMarker = "NULL" });

        var messages = ReadAll(input);

        Assert.Equal([null, null, null, "", "NULLS"], messages.Select(m => Text(m.Value)));
        Assert.Equal(["tombstone", "tombstone", "tombstone", null, null], messages.Select(m => m.Label));
    }
}
