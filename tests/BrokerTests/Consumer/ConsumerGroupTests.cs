using System.Collections.Concurrent;
using Confluent.Kafka;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.Lag;
using KafkaDemo.Producer.Keys;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Consumer;

[Collection(BrokerCollection.Name)]
public class ConsumerGroupTests(BrokerFixture broker)
{
    // The mock broker waits session.timeout.ms - 1 s before rebalancing a group whose membership
    // changed; 6 s is the smallest session timeout a real broker accepts by default.
    // Every wait in these tests is bounded, so a stuck group fails the test instead of hanging the run.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private ConsumerOptions Group(string topic, string group) => new(broker.BootstrapServers, [topic], group)
    {
        ClientSettings = new Dictionary<string, string> { ["session.timeout.ms"] = "6000" },
    };

    [Fact]
    public async Task Three_instances_on_a_three_partition_topic_get_one_partition_each()
    {
        var topic = await broker.CreateTopicAsync("instances", 3);
        var held = new ConcurrentDictionary<int, IReadOnlyList<TopicPartition>>();
        var consumer = new NoteConsumer(Group(topic, $"g-{topic}") with { Instances = 3 }, new StringWriter(), new ListLogger());
        consumer.AssignmentChanged += (instance, assignment) => held[instance] = assignment;
        using var stop = new CancellationTokenSource();

        var run = consumer.RunAsync(stop.Token);
        IReadOnlyList<TopicPartition>[] settled = [];
        await Eventually.HoldsAsync(
            () => (settled = [.. held.Values]).Length == 3 && settled.All(a => a.Count == 1),
            "each of 3 instances holds one partition");
        await stop.CancelAsync();
        await run.WaitAsync(Bound);

        Assert.Equal([0, 1, 2], settled.Select(a => a.Single().Partition.Value).Order());
    }

    [Fact]
    public async Task When_one_member_leaves_the_survivors_take_over_its_partition_and_read_what_it_would_have()
    {
        var topic = await broker.CreateTopicAsync("takeover", 3);
        var group = $"g-{topic}";
        var members = Enumerable.Range(0, 3).Select(_ => new Member(Group(topic, group))).ToList();
        members.ForEach(m => m.Start());
        await Eventually.HoldsAsync(() => members.All(m => m.Holds.Count == 1), "each member holds one partition");

        var leaving = members[0];
        await leaving.StopAsync();
        var survivors = members.Skip(1).ToList();
        await Eventually.HoldsAsync(() => survivors.Sum(m => m.Holds.Count) == 3, "the two survivors hold all three partitions");

        await new NoteProducer(new ProducerOptions(broker.BootstrapServers, topic, 30, TimeSpan.FromSeconds(30)) { KeyStrategy = KeyStrategy.Uuid, Quiet = true },
            new StringWriter(), new ListLogger()).RunAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => survivors.Sum(m => m.Received.Count) == 30, "the survivors received all 30 events");
        foreach (var member in survivors)
        {
            await member.StopAsync();
        }

        Assert.Empty(leaving.Received);
        Assert.Equal(3, survivors.SelectMany(m => m.Received.Select(r => r.Partition)).Distinct().Count());
    }

    [Fact]
    public async Task A_restart_with_commit_after_processing_resumes_right_after_the_last_handled_message()
    {
        var topic = await broker.CreateTopicAsync("resume", 3);
        var group = $"g-{topic}";
        await new NoteProducer(new ProducerOptions(broker.BootstrapServers, topic, 20, TimeSpan.FromSeconds(30)) { Quiet = true }, new StringWriter(), new ListLogger())
            .RunAsync(CancellationToken.None);
        var first = new List<ConsumedMessage>();
        var second = new List<ConsumedMessage>();

        await new NoteConsumer(Group(topic, group) with { MaxMessages = 8, IdleTimeout = Bound }, new StringWriter(), new ListLogger(), first.Add).RunAsync(CancellationToken.None);
        await new NoteConsumer(Group(topic, group) with { MaxMessages = 12, IdleTimeout = TimeSpan.FromSeconds(15) }, new StringWriter(), new ListLogger(), second.Add)
            .RunAsync(CancellationToken.None);

        Assert.Equal(8, first.Count);
        var coordinates = first.Concat(second).Select(m => (m.Partition, m.Offset)).ToList();
        Assert.Equal(20, coordinates.Count);
        Assert.Equal(20, coordinates.Distinct().Count());
        Assert.All(second, m => Assert.True(first.Where(f => f.Partition == m.Partition).All(f => f.Offset < m.Offset)));
    }

    [Fact]
    public async Task Stopping_with_ctrl_c_commits_what_was_handled_so_the_next_run_skips_nothing_and_repeats_nothing()
    {
        var topic = await broker.CreateTopicAsync("cancel", 3);
        var group = $"g-{topic}";
        await new NoteProducer(new ProducerOptions(broker.BootstrapServers, topic, 15, TimeSpan.FromSeconds(30)) { Quiet = true }, new StringWriter(), new ListLogger())
            .RunAsync(CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var first = new List<ConsumedMessage>();
        var second = new List<ConsumedMessage>();

        await new NoteConsumer(Group(topic, group) with { IdleTimeout = Bound }, new StringWriter(), new ListLogger(), m => { first.Add(m); if (first.Count == 5) { stop.Cancel(); } })
            .RunAsync(stop.Token);
        await new NoteConsumer(Group(topic, group) with { MaxMessages = 10, IdleTimeout = TimeSpan.FromSeconds(15) }, new StringWriter(), new ListLogger(), second.Add)
            .RunAsync(CancellationToken.None);

        Assert.Equal(5, first.Count);
        Assert.Equal(10, second.Count);
        Assert.Empty(first.Select(m => (m.Partition, m.Offset)).Intersect(second.Select(m => (m.Partition, m.Offset))));
    }

    [Fact]
    public async Task When_stdout_breaks_the_run_fails_and_no_offset_is_committed_for_lines_never_written()
    {
        var topic = await broker.CreateTopicAsync("broken-output", 3);
        var group = $"g-{topic}";
        await new NoteProducer(new ProducerOptions(broker.BootstrapServers, topic, 12, TimeSpan.FromSeconds(30)) { Quiet = true }, new StringWriter(), new ListLogger())
            .RunAsync(CancellationToken.None);
        var logger = new ListLogger();
        var consumer = new NoteConsumer(Group(topic, group) with { MaxMessages = 12, IdleTimeout = Bound }, new BrokenPipeWriter(), logger);

        var summary = await consumer.RunAsync(CancellationToken.None).WaitAsync(Bound);

        Assert.False(summary.Succeeded);
        Assert.True(summary.Consumed > 0);
        Assert.Contains(logger.Entries, e => e.Text.Contains("cannot write to the output", StringComparison.Ordinal));
        var rows = GroupLag.Measure(ConsumerConfigFactory.Create(Group(topic, group)), [topic], TimeSpan.FromSeconds(10));
        Assert.All(rows, r => Assert.Null(r.Committed));
        Assert.Equal(12, rows.Sum(r => r.LogEnd));
    }

    // Takes lines into its buffer, like a StreamWriter on stdout, and fails when asked to push them out.
    private sealed class BrokenPipeWriter : StringWriter
    {
        public override void Flush()
        {
            if (GetStringBuilder().Length > 0)
            {
                throw new IOException("Broken pipe");
            }
        }
    }

    [Fact]
    public async Task The_lag_view_shows_committed_log_end_and_lag_per_partition()
    {
        var topic = await broker.CreateTopicAsync("lag", 3);
        var group = $"g-{topic}";
        await new NoteProducer(new ProducerOptions(broker.BootstrapServers, topic, 9, TimeSpan.FromSeconds(30)) { Partition = 0, Quiet = true },
            new StringWriter(), new ListLogger()).RunAsync(CancellationToken.None);
        var consumer = new NoteConsumer(Group(topic, group) with { MaxMessages = 4, IdleTimeout = Bound }, new StringWriter(), new ListLogger());
        await consumer.RunAsync(CancellationToken.None);

        var rows = GroupLag.Measure(ConsumerConfigFactory.Create(Group(topic, group)), [topic], TimeSpan.FromSeconds(10));
        var lines = GroupLag.Render(group, rows);

        Assert.Equal(new PartitionLag(topic, 0, 4, 9), rows[0]);
        Assert.Equal(5, rows[0].Lag);
        Assert.All(rows.Skip(1), r => Assert.Equal((null, 0L), (r.Committed, r.LogEnd)));
        Assert.Equal("Total lag: 5 (2 partitions without a committed offset)", lines[^1]);
    }

    private sealed class Member(ConsumerOptions options)
    {
        private readonly CancellationTokenSource _stop = new();
        private Task? _run;

        public IReadOnlyList<TopicPartition> Holds { get; private set; } = [];

        public ConcurrentQueue<ConsumedMessage> Received { get; } = new();

        public void Start()
        {
            var consumer = new NoteConsumer(options, new StringWriter(), new ListLogger(), Received.Enqueue);
            consumer.AssignmentChanged += (_, assignment) => Holds = assignment;
            _run = consumer.RunAsync(_stop.Token);
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await _run!.WaitAsync(Bound);
        }
    }
}
