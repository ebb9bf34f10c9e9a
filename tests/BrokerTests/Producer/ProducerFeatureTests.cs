using System.Text;
using Confluent.Kafka;
using KafkaDemo.Common;
using KafkaDemo.Common.Envelopes;
using KafkaDemo.Common.Events;
using KafkaDemo.Common.Partitioning;
using KafkaDemo.Producer.Keys;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Producer;

[Collection(BrokerCollection.Name)]
public class ProducerFeatureTests(BrokerFixture broker)
{
    private ProducerOptions Options(string topic, int count) => new(broker.BootstrapServers, topic, count, TimeSpan.FromSeconds(30));

    private static string HeaderText(ConsumeResult<byte[], byte[]> result, string name) =>
        Encoding.UTF8.GetString(result.Message.Headers.GetLastBytes(name));

    [Fact]
    public async Task Protobuf_events_carry_their_content_type_and_decode_to_the_events_sent()
    {
        var topic = await broker.CreateTopicAsync("protobuf", 3);

        await new NoteProducer(Options(topic, 6) with { Format = NoteEventFormat.Protobuf }, new StringWriter(), new ListLogger()).RunAsync(CancellationToken.None);
        var stored = TopicReader.ReadAll(broker.BootstrapServers, topic, 6);

        Assert.All(stored, r => Assert.Equal(ContentTypes.Protobuf, HeaderText(r, ContentTypes.HeaderName)));
        var events = stored.Select(r => NoteEventProtobuf.TryDecode(r.Message.Value, out var note, out _) ? note! : throw new InvalidOperationException()).OrderBy(e => e.Id);
        Assert.Equal(Enumerable.Range(1, 6).Select(NoteEventFactory.Create), events);
    }

    [Fact]
    public async Task Text_events_are_the_note_text_with_a_text_plain_header_and_extra_headers_on_every_message()
    {
        var topic = await broker.CreateTopicAsync("text", 3);
        var options = Options(topic, 3) with { Format = NoteEventFormat.Text, Headers = [KeyValuePair.Create("trace-id", "t-1")] };

        await new NoteProducer(options, new StringWriter(), new ListLogger()).RunAsync(CancellationToken.None);
        var stored = TopicReader.ReadAll(broker.BootstrapServers, topic, 3);

        Assert.Equal(["Note 1 created", "Note 1 deleted", "Note 1 updated"], stored.Select(r => Encoding.UTF8.GetString(r.Message.Value)).Order());
        Assert.All(stored, r => Assert.Equal(ContentTypes.PlainText, HeaderText(r, ContentTypes.HeaderName)));
        Assert.All(stored, r => Assert.Equal("t-1", HeaderText(r, "trace-id")));
    }

    [Fact]
    public async Task An_explicit_partition_and_a_fixed_key_put_everything_where_asked()
    {
        var topic = await broker.CreateTopicAsync("explicit", 4);

        await new NoteProducer(Options(topic, 9) with { Partition = 2, KeyStrategy = KeyStrategy.Fixed, FixedKey = "same" }, new StringWriter(), new ListLogger())
            .RunAsync(CancellationToken.None);
        var stored = TopicReader.ReadAll(broker.BootstrapServers, topic, 9);

        Assert.Equal(9, stored.Count);
        Assert.All(stored, r => Assert.Equal(2, r.Partition.Value));
        Assert.All(stored, r => Assert.Equal("same", Encoding.UTF8.GetString(r.Message.Key)));
    }

    [Fact]
    public async Task Four_threads_sharing_one_producer_send_every_event_exactly_once()
    {
        var topic = await broker.CreateTopicAsync("threads", 3);

        var summary = await new NoteProducer(Options(topic, 2000) with { Threads = 4, Quiet = true }, new StringWriter(), new ListLogger())
            .RunAsync(CancellationToken.None);
        var stored = TopicReader.ReadAll(broker.BootstrapServers, topic, 2000);

        Assert.Equal(new ProduceSummary(2000, 2000, 0, false), summary);
        var ids = stored.Select(r => System.Text.Json.JsonSerializer.Deserialize(r.Message.Value, NoteEventJsonContext.Default.NoteEvent)!.Id).Order();
        Assert.Equal(Enumerable.Range(1, 2000), ids);
    }

    [Fact]
    public async Task Input_lines_become_messages_with_keys_before_the_separator()
    {
        var topic = await broker.CreateTopicAsync("lines", 1);
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, ["k1:first", "second without key", "k2:third:with:colons", ""]);

        var summary = await new NoteProducer(Options(topic, 0) with { Input = file, KeySeparator = ":", KeyStrategy = KeyStrategy.None }, new StringWriter(), new ListLogger())
            .RunAsync(CancellationToken.None);
        var stored = TopicReader.ReadAll(broker.BootstrapServers, topic, 4);

        Assert.Equal(4, summary.Delivered);
        Assert.Equal(
            [("k1", "first"), (null, "second without key"), ("k2", "third:with:colons"), (null, "")],
            stored.Select(r => (r.Message.Key is null ? null : Encoding.UTF8.GetString(r.Message.Key), Encoding.UTF8.GetString(r.Message.Value))));
    }

    [Fact]
    public async Task With_a_null_marker_matching_lines_and_empty_values_after_the_separator_become_tombstones()
    {
        var topic = await broker.CreateTopicAsync("tombstones", 1);
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, ["k1:kept", "k1:NULL", "k2:", "NULL", "k3:NULLISH"]);

        var summary = await new NoteProducer(Options(topic, 0) with { Input = file, KeySeparator = ":", KeyStrategy = KeyStrategy.None, NullMarker = "NULL" }, new StringWriter(), new ListLogger())
            .RunAsync(CancellationToken.None);
        var stored = TopicReader.ReadAll(broker.BootstrapServers, topic, 5);

        Assert.Equal(5, summary.Delivered);
        Assert.Equal(
            [("k1", "kept"), ("k1", null), ("k2", null), (null, null), ("k3", "NULLISH")],
            stored.Select(r => (r.Message.Key is null ? null : Encoding.UTF8.GetString(r.Message.Key), r.Message.Value is null ? null : Encoding.UTF8.GetString(r.Message.Value))));
    }

    [Fact]
    public async Task Jsonl_envelopes_replay_losslessly_keys_values_headers_timestamps_and_partitions()
    {
        var topic = await broker.CreateTopicAsync("replay", 3);
        byte[] binary = [0xff, 0xfe, 0x00, 0x80];
        MessageEnvelope[] originals =
        [
            new("elsewhere", 2, 10, 1_700_000_000_000, "k"u8.ToArray(), [KeyValuePair.Create<string, byte[]?>("h", "v"u8.ToArray())], "text value"u8.ToArray()),
            new("elsewhere", 1, 11, 1_700_000_000_001, binary, [KeyValuePair.Create<string, byte[]?>("bin", binary)], binary),
            new("elsewhere", 0, 12, 1_700_000_000_002, "gone"u8.ToArray(), [], null),
        ];
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, [.. originals.Select(MessageEnvelopeJson.Write), "this line is not an envelope"]);
        var logger = new ListLogger();

        var summary = await new NoteProducer(Options(topic, 0) with { Input = file, InputFormat = InputFormat.Jsonl, KeepPartitions = true }, new StringWriter(), logger)
            .RunAsync(CancellationToken.None);
        var stored = TopicReader.ReadAll(broker.BootstrapServers, topic, 3).OrderBy(r => r.Message.Timestamp.UnixTimestampMs).ToList();

        Assert.Equal((3, 1), (summary.Delivered, summary.Rejected));
        Assert.False(summary.Succeeded);
        Assert.Contains(logger.Entries, e => e.Text.StartsWith("Input line 4 skipped", StringComparison.Ordinal));
        for (var i = 0; i < originals.Length; i++)
        {
            Assert.Equal(originals[i].Partition, stored[i].Partition.Value);
            Assert.Equal(originals[i].Timestamp, stored[i].Message.Timestamp.UnixTimestampMs);
            Assert.Equal(originals[i].Key, stored[i].Message.Key);
            Assert.Equal(originals[i].Value, stored[i].Message.Value);
            Assert.Equal(originals[i].Headers.Select(h => (h.Key, h.Value)), stored[i].Message.Headers.Select(h => (h.Key, (byte[]?)h.GetValueBytes())));
        }
    }

    [Fact]
    public async Task Stopping_mid_run_flushes_what_was_sent_so_nothing_sent_is_left_unaccounted()
    {
        var topic = await broker.CreateTopicAsync("stop", 3);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(800));

        var summary = await new NoteProducer(Options(topic, 0) with { Interval = TimeSpan.FromMilliseconds(20) }, new StringWriter(), new ListLogger())
            .RunAsync(stop.Token);
        var stored = TopicReader.ReadAll(broker.BootstrapServers, topic, (int)summary.Sent);

        Assert.InRange(summary.Sent, 1, 1000);
        Assert.Equal(summary.Sent, summary.Delivered);
        Assert.Equal(summary.Sent, stored.Count);
    }

    [Fact]
    public async Task The_summary_reports_counts_latency_and_a_bar_per_partition()
    {
        var topic = await broker.CreateTopicAsync("summary", 3);
        var report = new StringWriter();

        await new NoteProducer(Options(topic, 9), new StringWriter(), new ListLogger(), report).RunAsync(CancellationToken.None);

        var lines = report.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"Summary for {topic}: sent 9, delivered 9, failed 0 in ", lines[0]);
        Assert.Matches(@"^Delivery latency: p50 \d+\.\d ms, p99 \d+\.\d ms; first delivery \d+\.\d{3} s after the process started$", lines[1]);
        Assert.Equal("Delivered per partition:", lines[2]);
        var expected = NoteEventTypes.All
            .GroupBy(type => PartitionPredictor.PartitionFor(PartitionerKind.Murmur2, type, 3)!.Value)
            .ToDictionary(g => g.Key, g => g.Count() * 3);
        var bars = lines.Where(l => l.Contains('│')).ToList();
        Assert.Equal(3, bars.Count);
        for (var partition = 0; partition < 3; partition++)
        {
            Assert.Matches($@"^\s*{partition} │[█ ]+ {expected.GetValueOrDefault(partition)}$", bars[partition]);
        }
    }

    [Fact]
    public async Task Quiet_mode_prints_no_delivery_lines_but_periodic_progress_and_the_summary()
    {
        var topic = await broker.CreateTopicAsync("quiet", 3);
        var output = new StringWriter();
        var report = new StringWriter();
        var options = Options(topic, 40) with { Quiet = true, Interval = TimeSpan.FromMilliseconds(25), ProgressInterval = TimeSpan.FromMilliseconds(200) };

        await new NoteProducer(options, output, new ListLogger(), report).RunAsync(CancellationToken.None);

        Assert.Equal(string.Empty, output.ToString());
        var lines = report.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^progress: \d+ s, sent \d+, delivered \d+, failed 0, \d+ msg/s$"));
        Assert.Contains(lines, l => l.StartsWith($"Summary for {topic}: sent 40, delivered 40, failed 0", StringComparison.Ordinal));
    }
}
