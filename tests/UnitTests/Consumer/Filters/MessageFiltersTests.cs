using System.Text;
using Confluent.Kafka;
using KafkaDemo.Common.Decoding;
using KafkaDemo.Common.Events;
using KafkaDemo.Common.Filtering;
using KafkaDemo.Common.SchemaRegistry;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.Filters;
using KafkaDemo.Consumer.Processing;
using Microsoft.Extensions.Logging.Abstractions;

namespace KafkaDemo.UnitTests.Consumer.Filters;

// Filters through the processor's filter step: what is written, and what is counted as filtered.
public class MessageFiltersTests
{
    private const string Created = """{"id":1,"event_type":"note_created","text":"Note 1 created","note":{"tags":["urgent"]}}""";
    private const string Deleted = """{"id":3,"event_type":"note_deleted","text":"Note 1 deleted"}""";

    private readonly StringWriter _output = new();
    private long _offset;

    private static ConsumerOptions Options(string? eventType, params string[] expressions) => new("b", ["t"], "g")
    {
        EventType = eventType,
        Filters = [.. expressions.Select(e => MessageFilter.Parse(e, out var error) ?? throw new ArgumentException(error))],
        Output = OutputFormat.Raw,
    };

    private ConsumeResult<byte[], byte[]> Message(byte[]? key, byte[]? value, params (string Name, string? Value)[] headers) => new()
    {
        Topic = "t",
        Partition = new Partition(0),
        Offset = new Offset(_offset++),
        Message = new Message<byte[], byte[]>
        {
            Key = key!,
            Value = value!,
            Headers = [.. headers.Select(h => new Header(h.Name, h.Value is null ? null : Encoding.UTF8.GetBytes(h.Value)))],
        },
    };

    private ConsumeResult<byte[], byte[]> Message(string? key, string? value, params (string Name, string? Value)[] headers) =>
        Message(key is null ? null : Encoding.UTF8.GetBytes(key), value is null ? null : Encoding.UTF8.GetBytes(value), headers);

    // Runs the messages through a processor; returns the offsets written (raw output, one value per line) and the counts.
    private (long[] Shown, long Filtered) Run(ConsumerOptions options, params ConsumeResult<byte[], byte[]>[] messages)
    {
        var run = new RunContext(options, _output, CancellationToken.None);
        var processor = new MessageProcessor(options, run, null, NullLogger.Instance, null);
        var shown = new List<long>();
        foreach (var message in messages)
        {
            Assert.True(processor.Handle(message, out var written));
            if (written is not null)
            {
                shown.Add(written.Offset);
            }
        }

        var summary = run.Stats.Snapshot(false, false);
        Assert.Equal(messages.Length, summary.Consumed);
        Assert.Equal(shown.Count, summary.Shown);
        return ([.. shown], summary.FilteredOut);
    }

    [Fact]
    public void Without_a_filter_or_an_event_type_there_is_nothing_to_check()
    {
        Assert.Null(MessageFilters.For(new ConsumerOptions("b", ["t"], "g")));
        Assert.NotNull(MessageFilters.For(new ConsumerOptions("b", ["t"], "g") { EventType = "note_created" }));
    }

    [Fact]
    public void A_key_glob_shows_the_matching_keys_and_counts_the_rest_as_filtered()
    {
        var result = Run(Options(null, "key=user-*"), Message("user-1", "a"), Message("admin", "b"), Message("user-2", "c"), Message((string?)null, "d"));

        Assert.Equal([0L, 2L], result.Shown);
        Assert.Equal(2, result.Filtered);
        Assert.Equal("a\nc\n", _output.ToString());
    }

    [Fact]
    public void A_missing_key_passes_only_a_negated_key_filter()
    {
        var present = Run(Options(null, "key=*"), Message((string?)null, "a"), Message("", "b"));
        var absent = Run(Options(null, "!key=*"), Message((string?)null, "a"), Message("", "b"));

        Assert.Equal([1L], present.Shown);
        Assert.Equal([2L], absent.Shown);
    }

    [Fact]
    public void A_value_regex_matches_the_text_and_a_tombstone_matches_nothing()
    {
        var regex = Run(Options(null, "value~Note [0-9] deleted"), Message("k", Created), Message("k", Deleted), Message("k", null));
        var tombstones = Run(Options(null, "!value~"), Message("k", "x"), Message("k", null));

        Assert.Equal([1L], regex.Shown);
        Assert.Equal([4L], tombstones.Shown);
    }

    [Fact]
    public void A_header_filter_passes_when_any_header_of_that_name_matches_and_a_missing_header_matches_nothing()
    {
        var result = Run(Options(null, "header:source=demo*"),
            Message("k", "a", ("source", "other"), ("source", "demo-2")),
            Message("k", "b", ("Source", "demo")),
            Message("k", "c"),
            Message("k", "d", ("source", null)));
        var negated = Run(Options(null, "!header:source=demo*"), Message("k", "a", ("source", "demo")), Message("k", "b"));

        Assert.Equal([0L], result.Shown);
        Assert.Equal([5L], negated.Shown);
    }

    [Fact]
    public void A_json_field_is_read_from_a_json_event_a_protobuf_event_and_a_json_array_but_not_from_plain_text()
    {
        var result = Run(Options(null, "json:text~urgent|tags"),
            Message("k", """{"id":1,"event_type":"note_created","text":"urgent"}"""),
            Message("k"u8.ToArray(), NoteEventProtobuf.Encode(new NoteEvent(5, "note_updated", "urgent fix")), ("content-type", "application/x-protobuf")),
            Message("k", """[{"text":"tags"}]"""),
            Message("k", "text: urgent"),
            Message("k", Deleted));
        var nested = Run(Options(null, "json:0.text=tags"), Message("k", """[{"text":"tags"}]"""), Message("k", """{"0":{"text":"tags"}}"""));

        Assert.Equal([0L, 1L], result.Shown);
        Assert.Equal([5L, 6L], nested.Shown);
    }

    [Fact]
    public void Several_filters_must_all_pass_and_the_event_type_shorthand_is_one_of_them()
    {
        var result = Run(Options("note_created", "key!=skip", "json:note.tags.0=urgent"),
            Message("k", Created),
            Message("skip", Created),
            Message("k", Deleted),
            Message("k", """{"id":2,"event_type":"note_created","text":"Note 2"}"""));

        Assert.Equal([0L], result.Shown);
        Assert.Equal(3, result.Filtered);
    }

    [Fact]
    public void The_event_type_shorthand_also_finds_a_broken_event_of_that_type()
    {
        var result = Run(Options("note_created"), Message("k", """{"id":"x","event_type":"note_created"}"""), Message("k", """{"id":"x"}"""));

        Assert.Equal([0L], result.Shown);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_matched_as_shown_with_replacement_characters()
    {
        var key = new byte[] { (byte)'u', 0xFF };
        var glob = Run(Options(null, "key=u?"), Message(key, "v"u8.ToArray()), Message("ux", "w"));
        var regex = Run(Options(null, "value~\uFFFD"), Message("k", "ok"), Message("k"u8.ToArray(), [0xC3, 0x28]));

        Assert.Equal([0L, 1L], glob.Shown);
        Assert.Equal([3L], regex.Shown);
    }

    [Fact]
    public void A_value_a_schema_registry_decoded_is_filtered_on_its_json()
    {
        const string Json = """{"id":7,"event_type":"note_created","note":{"author":"ann"}}""";
        var raw = Message("k", "\0\0\0\0\u0001avro bytes");
        var message = ConsumedMessage.From(raw, new DecodedMessage(PayloadKind.Plain, Json, EventType: "note_created"),
            valueSchema: new RegistryData(1, Encoding: "avro", Json: Json));

        Assert.True(Filters("json:note.author=ann").Passes(raw.Message, message));
        Assert.True(Filters("value~\"author\"").Passes(raw.Message, message));
        Assert.False(Filters("json:note.author=bob").Passes(raw.Message, message));
        Assert.True(MessageFilters.For(new ConsumerOptions("b", ["t"], "g") { EventType = "note_created" })!.Passes(raw.Message, message));
    }

    private static MessageFilters Filters(string expression) => MessageFilters.For(Options(null, expression))!;
}
