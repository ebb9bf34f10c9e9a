using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using KafkaDemo.Common.Decoding;
using KafkaDemo.Common.Envelopes;
using KafkaDemo.TestSupport;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.DeadLetters;
using KafkaDemo.Consumer.Lag;
using KafkaDemo.LocalBroker;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Reliability;

// Each scenario starts a cluster of its own: the faults must not leak into other tests.
public class ConsumerFaultTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private static ProducerOptions Sequenced(MockCluster cluster, string topic, int count, TimeSpan interval) =>
        new(cluster.BootstrapServers, topic, count, TimeSpan.FromSeconds(30))
        {
            SequenceHeader = Reliability.Sequenced.Header,
            Interval = interval,
            Quiet = true,
        };

    [Fact]
    public async Task A_consumer_killed_mid_stream_then_restarted_skips_nothing_and_replays_only_what_was_not_committed()
    {
        using var cluster = MockCluster.Start(brokerCount: 3);
        cluster.CreateTopic("t", 3);
        const string group = "killed";
        // The producer runs until stopped, and goes on after the kill, so the first consumer is always killed mid-stream.
        var producer = new NoteProducer(Sequenced(cluster, "t", 0, TimeSpan.FromMilliseconds(5)), new StringWriter(), new ListLogger());
        using var stopProducing = new CancellationTokenSource();
        var producing = producer.RunAsync(stopProducing.Token);

        var first = await ConsumerProcess.RunAsync(cluster.BootstrapServers, group, killAfterLines: 150);
        var deliveredAtKill = producer.Stats.Delivered;
        await Eventually.HoldsAsync(() => producer.Stats.Delivered >= deliveredAtKill + 100, "100 more events were delivered after the kill");
        await stopProducing.CancelAsync();
        var produced = await producing.WaitAsync(Bound);
        var total = (int)produced.Delivered;
        var committed = GroupLag.Measure(new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = group }, ["t"], TimeSpan.FromSeconds(10))
            .ToDictionary(r => r.Partition, r => r.Committed ?? 0);
        var remaining = (int)(produced.Delivered - committed.Values.Sum());
        var second = await ConsumerProcess.RunAsync(cluster.BootstrapServers, group, maxMessages: remaining);

        Assert.Equal((produced.Sent, 0L), (produced.Delivered, produced.Failed));
        Assert.InRange(first.Count, 150, total - 100);
        var reconciliation = Reconciliation.Of(Reliability.Sequenced.Range(total), first.Concat(second));
        Assert.Equal((0L, 0L, 0L), (reconciliation.Lost, reconciliation.OutOfOrder, reconciliation.Unexpected));
        var handledButUncommitted = first.Count(m => m.Offset >= committed[m.Partition]);
        Assert.Equal(handledButUncommitted, reconciliation.Duplicated);
    }

    [Fact]
    public async Task When_the_group_coordinators_broker_goes_down_the_group_recovers_and_every_message_is_consumed()
    {
        using var cluster = MockCluster.Start(brokerCount: 3);
        cluster.CreateTopic("t", 3);
        const string group = "coordinated";
        cluster.SetGroupCoordinator(group, brokerId: 2);
        var producing = new NoteProducer(Sequenced(cluster, "t", 300, TimeSpan.FromMilliseconds(10)), new StringWriter(), new ListLogger())
            .RunAsync(CancellationToken.None);
        var received = new ConcurrentQueue<ConsumedMessage>();
        var sequences = new ConcurrentDictionary<long, bool>();
        using var stop = new CancellationTokenSource();
        var options = new ConsumerOptions(cluster.BootstrapServers, ["t"], group)
        {
            IdleTimeout = Bound,
            ClientSettings = new Dictionary<string, string> { ["session.timeout.ms"] = "6000" },
        };
        var consuming = new NoteConsumer(options, new StringWriter(), new ListLogger(), m =>
        {
            received.Enqueue(m);
            sequences[long.Parse(m.Headers.Last(h => h.Key == Reliability.Sequenced.Header).Value, System.Globalization.CultureInfo.InvariantCulture)] = true;
        }).RunAsync(stop.Token);

        await Eventually.HoldsAsync(() => received.Count >= 50, "50 messages were consumed");
        cluster.SetBrokerDown(2);
        await Task.Delay(TimeSpan.FromSeconds(2));
        cluster.SetBrokerUp(2);
        await Eventually.HoldsAsync(() => sequences.Count == 300, "all 300 events were consumed", Bound);
        await stop.CancelAsync();
        var summary = await consuming.WaitAsync(Bound);

        Assert.True(summary.Succeeded);
        Assert.Equal(300, (await producing).Delivered);
        Assert.Equal(Reliability.Sequenced.Range(300), sequences.Keys.Order());
    }

    [Fact]
    public async Task Poison_messages_each_land_in_the_dlq_intact_and_the_rest_is_consumed_in_order()
    {
        using var cluster = MockCluster.Start(brokerCount: 1);
        cluster.CreateTopic("t", 1);
        cluster.CreateTopic("t-dlq", 1);
        using (var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, EnableIdempotence = true }).Build())
        {
            for (var i = 1; i <= 60; i++)
            {
                var poison = i % 10 == 0;
                var value = poison ? Encoding.UTF8.GetBytes($"{{\"event_type\": broken {i}") : Encoding.UTF8.GetBytes($"{{\"id\":{i},\"event_type\":\"note_created\"}}");
                var headers = new Headers { { "content-type", "application/json"u8.ToArray() }, { Reliability.Sequenced.Header, Encoding.ASCII.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) } };
                producer.Produce("t", new Message<byte[], byte[]> { Key = "k"u8.ToArray(), Value = value, Headers = headers });
            }

            producer.Flush(TimeSpan.FromSeconds(30));
        }

        var received = new List<ConsumedMessage>();
        var summary = await new NoteConsumer(
            new ConsumerOptions(cluster.BootstrapServers, ["t"], "poisoned") { DeadLetterTopic = "t-dlq", MaxMessages = 60, IdleTimeout = Bound },
            new StringWriter(), new ListLogger(), received.Add).RunAsync(CancellationToken.None).WaitAsync(Bound);

        Assert.Equal((60L, 6L, 6L), (summary.Consumed, summary.Invalid, summary.DeadLettered));
        var good = received.Where(m => m.Decoded.Kind == PayloadKind.Json).Select(m => m.Offset).ToList();
        Assert.Equal(54, good.Count);
        Assert.Equal(good.Order(), good);
        var source = TopicReader.ReadAll(cluster.BootstrapServers, "t", 60).ToDictionary(r => r.Offset.Value);
        var letters = TopicReader.ReadAll(cluster.BootstrapServers, "t-dlq", 6);
        Assert.Equal([9L, 19L, 29L, 39L, 49L, 59L], letters.Select(l => long.Parse(Encoding.ASCII.GetString(l.Message.Headers.GetLastBytes(DeadLetterQueue.OffsetHeader)), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(letters, l =>
        {
            var original = source[long.Parse(Encoding.ASCII.GetString(l.Message.Headers.GetLastBytes(DeadLetterQueue.OffsetHeader)), System.Globalization.CultureInfo.InvariantCulture)];
            Assert.Equal(original.Message.Value, l.Message.Value);
            Assert.Equal(original.Message.Key, l.Message.Key);
        });
    }

    /// <summary>The real Consumer executable, run as a separate process and killed with SIGKILL.</summary>
    private static class ConsumerProcess
    {
        public static async Task<List<ObservedMessage>> RunAsync(string bootstrap, string group, int? killAfterLines = null, int? maxMessages = null)
        {
            var arguments = $"-b {bootstrap} -t t -g {group} -o jsonl --commit after-processing --idle-timeout 60s " +
                            "-X auto.commit.interval.ms=100 -X session.timeout.ms=6000" + (maxMessages is { } max ? $" -n {max}" : string.Empty);
            using var process = Process.Start(Programs.Start("KafkaDemo.Consumer", arguments))!;
            _ = process.StandardError.ReadToEndAsync();
            var handled = new List<ObservedMessage>();
            using var timeout = new CancellationTokenSource(Bound);
            var killed = false;
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                // A SIGKILL can tear the line being written (stdout goes out in 256-byte chunks).
                // Its offset was stored only after the whole line was written, so it is not handled
                // yet and the restart reads it again; any other unreadable line is a real failure.
                if (!MessageEnvelopeJson.TryRead(line, out var envelope, out var error))
                {
                    var after = await process.StandardOutput.ReadLineAsync(timeout.Token);
                    Assert.True(killed && after is null, $"unreadable line that is not the torn last one: {error}");
                    break;
                }

                handled.Add(Reliability.Sequenced.From(envelope!));
                if (handled.Count == killAfterLines)
                {
                    process.Kill(); // SIGKILL: no commit, no LeaveGroup, no Close().
                    killed = true;
                }
            }

            await process.WaitForExitAsync(timeout.Token);
            return handled;
        }
    }
}
