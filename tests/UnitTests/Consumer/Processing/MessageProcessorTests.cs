using System.Text;
using Confluent.Kafka;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.DeadLetters;
using KafkaDemo.Consumer.Processing;
using Microsoft.Extensions.Logging.Abstractions;

namespace KafkaDemo.UnitTests.Consumer.Processing;

// The whole message path (decode, dead-letter, filter, write, count) without a broker: the DLQ is
// a recording sink, the output a StringWriter.
public class MessageProcessorTests
{
    private const string Created = """{"id":1,"event_type":"note_created","text":"Note 1 created"}""";
    private const string Deleted = """{"id":3,"event_type":"note_deleted","text":"Note 1 deleted"}""";

    private readonly StringWriter _output = new();
    private readonly RecordingSink _sink = new();

    private (MessageProcessor Processor, RunContext Run) Create(ConsumerOptions? options = null, bool withDlq = false)
    {
        options ??= new ConsumerOptions("b", ["t"], "g");
        var run = new RunContext(options, _output, CancellationToken.None);
        return (new MessageProcessor(options, run, withDlq ? _sink : null, NullLogger.Instance, null), run);
    }

    private static ConsumeResult<byte[], byte[]> Message(string value, long offset = 5, string? key = "k") => new()
    {
        Topic = "t",
        Partition = new Partition(2),
        Offset = new Offset(offset),
        Message = new Message<byte[], byte[]>
        {
            Key = key is null ? null! : Encoding.UTF8.GetBytes(key),
            Value = Encoding.UTF8.GetBytes(value),
            Headers = [],
            Timestamp = new Timestamp(1_700_000_000_000, TimestampType.CreateTime),
        },
    };

    [Fact]
    public void A_valid_event_is_written_as_one_line_and_counted_as_shown()
    {
        var (processor, run) = Create();

        Assert.True(processor.Handle(Message(Created)));

        Assert.Equal($"✅ JSON (note_created) | key=k | partition=2 | offset=5 → {Created}\n", _output.ToString());
        Assert.Equal((1, 1, 0), Counts(run));
    }

    [Fact]
    public void An_event_of_another_type_is_filtered_out_not_written()
    {
        var (processor, run) = Create(new ConsumerOptions("b", ["t"], "g") { EventType = "note_created" });

        Assert.True(processor.Handle(Message(Deleted)));

        Assert.Equal(string.Empty, _output.ToString());
        Assert.Equal((1, 0, 1), Counts(run));
    }

    [Fact]
    public void An_invalid_message_goes_to_the_dead_letter_sink_with_the_decoders_reason()
    {
        var (processor, run) = Create(withDlq: true);

        Assert.True(processor.Handle(Message("""{"id":1}""", offset: 9)));

        var (source, reason) = Assert.Single(_sink.Sent);
        Assert.Equal(9, source.Offset.Value);
        Assert.Contains("event_type", reason);
        Assert.Equal(1, run.Stats.Snapshot(false, false).DeadLettered);
    }

    [Fact]
    public void Without_a_dlq_an_invalid_message_is_shown_with_its_reason()
    {
        var (processor, run) = Create();

        Assert.True(processor.Handle(Message("""{"id":1}""")));

        Assert.StartsWith("⚠️ Invalid | key=k | partition=2 | offset=5 (", _output.ToString());
        Assert.Equal(1, run.Stats.Snapshot(false, false).Invalid);
    }

    [Fact]
    public void When_the_dlq_refuses_a_message_it_is_neither_counted_nor_written_and_the_offset_must_not_be_stored()
    {
        var (processor, run) = Create(withDlq: true);
        _sink.Accepts = false;

        Assert.False(processor.Handle(Message("""{"id":1}""")));

        Assert.Equal(0, run.Stats.Snapshot(false, false).Consumed);
        Assert.Equal(string.Empty, _output.ToString());
    }

    [Fact]
    public void Jsonl_output_writes_the_envelope_of_the_message_as_it_came()
    {
        var (processor, _) = Create(new ConsumerOptions("b", ["t"], "g") { Output = OutputFormat.Jsonl });

        processor.Handle(Message(Created, key: null));

        var line = _output.ToString().TrimEnd();
        Assert.StartsWith("""{"topic":"t","partition":2,"offset":5,"timestamp":1700000000000,"key":null""", line);
    }

    private static (long Consumed, long Shown, long Filtered) Counts(RunContext run)
    {
        var summary = run.Stats.Snapshot(false, false);
        return (summary.Consumed, summary.Shown, summary.FilteredOut);
    }

    private sealed class RecordingSink : IDeadLetterSink
    {
        public bool Accepts { get; set; } = true;

        public List<(ConsumeResult<byte[], byte[]> Source, string Reason)> Sent { get; } = [];

        public string Topic => "dlq";

        public bool TrySend(ConsumeResult<byte[], byte[]> source, string reason)
        {
            if (Accepts)
            {
                Sent.Add((source, reason));
            }

            return Accepts;
        }
    }
}
