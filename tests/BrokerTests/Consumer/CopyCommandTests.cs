using System.Diagnostics;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using KafkaDemo.BrokerTests.Reliability;
using KafkaDemo.Cli;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.DeadLetters;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Consumer;

// `consumer copy` through the real Consumer. What the transactions promise is told apart by broker:
// librdkafka's mock broker (2.16) runs transactions and writes their markers, but serves aborted
// copies to read_committed readers too, and answers TxnOffsetCommit without storing the offsets, so
// a copy restarted on it starts over from --from. There the kill test shows that nothing is lost;
// "exactly once among committed transactions" is read with read_committed on a real Kafka only.
[Collection(BrokerCollection.Name)]
public class CopyCommandTests(BrokerFixture broker)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    private async Task Produce(string topic, params string[] args)
    {
        var (exitCode, _, error) = await CommandRunner.RunAsync(ProducerCommand.Create(_ => null),
            ["-b", broker.BootstrapServers, "-t", topic, "-q", "--key-strategy", "uuid", "--sequence-header", Sequenced.Header, .. args]).WaitAsync(Bound);
        Assert.True(exitCode == ExitCodes.Success, error);
    }

    // The program as a process, for the lines it logs on stderr.
    private async Task<string> Copy(params string[] args)
    {
        var (exitCode, _, error) = await ProgramProcess.RunAsync("KafkaDemo.Consumer",
            string.Join(' ', ["copy", "-b", broker.BootstrapServers, "--exit-at-end", "-X", "session.timeout.ms=6000", .. args])).WaitAsync(Bound);
        Assert.True(exitCode == ExitCodes.Success, error);
        return error;
    }

    // Every partition from its start to its end, markers and all; EOF events, not watermarks, end it.
    private List<ConsumeResult<byte[], byte[]>> Read(string topic, IsolationLevel isolation = IsolationLevel.ReadUncommitted)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = broker.BootstrapServers,
            GroupId = $"copy-reader-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            EnablePartitionEof = true,
            IsolationLevel = isolation,
        };
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).SetLogHandler((_, _) => { }).Build();
        var pending = Enumerable.Range(0, broker.PartitionCount(topic)).Select(p => new TopicPartition(topic, p)).ToHashSet();
        consumer.Assign(pending.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));
        var results = new List<ConsumeResult<byte[], byte[]>>();
        var deadline = Stopwatch.StartNew();
        while (pending.Count > 0 && deadline.Elapsed < Bound)
        {
            switch (consumer.Consume(TimeSpan.FromMilliseconds(200)))
            {
                case { IsPartitionEOF: true } end:
                    pending.Remove(end.TopicPartition);
                    break;
                case { Message: not null } result:
                    results.Add(result);
                    break;
            }
        }

        Assert.Empty(pending);
        return results;
    }

    private List<TopicPartitionOffset> Committed(string group, string topic)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = group })
            .SetLogHandler((_, _) => { }).Build();
        return consumer.Committed(Enumerable.Range(0, broker.PartitionCount(topic)).Select(p => new TopicPartition(topic, p)), TimeSpan.FromSeconds(10));
    }

    private static long Sequence(ConsumeResult<byte[], byte[]> result) => Sequenced.From(result).Sequence;

    private static string Text(byte[]? bytes) => bytes is null ? "(null)" : Encoding.UTF8.GetString(bytes);

    // What a copy must keep: key, value and every header, in order.
    private static string Content(ConsumeResult<byte[], byte[]> result) =>
        $"{Text(result.Message.Key)} {Text(result.Message.Value)} [{string.Join(",", result.Message.Headers.Select(h => $"{h.Key}={Text(h.GetValueBytes())}"))}]";

    private long Stored(string topic)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = "watermarks" })
            .SetLogHandler((_, _) => { }).Build();
        return Enumerable.Range(0, broker.PartitionCount(topic))
            .Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High.Value);
    }

    [Fact]
    public async Task A_copy_keeps_keys_values_and_headers_and_commits_the_source_offsets_once_delivered()
    {
        var source = await broker.CreateTopicAsync("copy-source", 3);
        var target = await broker.CreateTopicAsync("copy-target", 3);
        await Produce(source, "-n", "30", "-H", "origin=test");

        var error = await Copy("-t", source, "--to-topic", target, "-g", target);

        Assert.Contains($"Copied 30 messages to {target}, each acknowledged", error);
        Assert.Equal(Read(source).OrderBy(Sequence).Select(Content), Read(target).OrderBy(Sequence).Select(Content));
        Assert.Equal(Read(source).GroupBy(r => r.Partition.Value).Select(g => (g.Key, g.Max(r => r.Offset.Value) + 1)).Order(),
            Committed(target, source).Select(o => (o.Partition.Value, o.Offset.Value)).Order());
    }

    [Fact]
    public async Task A_transactional_copy_with_keep_timestamps_and_keep_partitions_keeps_both()
    {
        var source = await broker.CreateTopicAsync("copy-keep-source", 3);
        var target = await broker.CreateTopicAsync("copy-keep-target", 3);
        await Produce(source, "-n", "30");

        var error = await Copy("-t", source, "--to", target, "-g", target, "--transactional-id", target, "--keep-timestamps", "--keep-partitions");

        Assert.Contains($"Copied 30 messages to {target} in ", error);
        var originals = Read(source).ToDictionary(Sequence);
        var copies = Read(target, IsolationLevel.ReadCommitted);
        Assert.Equal(originals.Keys.Order(), copies.Select(Sequence).Order());
        Assert.All(copies, copy =>
        {
            var original = originals[Sequence(copy)];
            Assert.Equal((original.Partition.Value, original.Message.Timestamp.UnixTimestampMs, Content(original)),
                (copy.Partition.Value, copy.Message.Timestamp.UnixTimestampMs, Content(copy)));
        });
    }

    [Fact]
    public async Task A_copy_composes_with_the_consumers_filter_assignment_and_message_limit()
    {
        var source = await broker.CreateTopicAsync("copy-compose-source", 3);
        var filtered = await broker.CreateTopicAsync("copy-compose-filtered", 3);
        var limited = await broker.CreateTopicAsync("copy-compose-limited", 3);
        await Produce(source, "-n", "30");
        var originals = Read(source);

        await Copy("-t", source, "--to-topic", filtered, "-g", filtered, "--transactional-id", filtered, "-e", "note_created");
        await Copy("-t", source, "--to-topic", limited, "-g", limited, "--assign", $"{source}:1", "-n", "2");

        Assert.Equal(originals.Where(r => Text(r.Message.Value).Contains("note_created", StringComparison.Ordinal)).Select(Sequence).Order(),
            Read(filtered).Select(Sequence).Order());
        Assert.Equal(originals.Where(r => r.Partition.Value == 1).Select(Sequence).Order().Take(2), Read(limited).Select(Sequence).Order());
    }

    [Fact]
    public async Task A_transactional_copy_commits_its_source_offsets_only_inside_its_transactions()
    {
        var source = await broker.CreateTopicAsync("copy-offsets-source", 2);
        var target = await broker.CreateTopicAsync("copy-offsets-target", 2);
        await Produce(source, "-n", "20");

        await Copy("-t", source, "--to-topic", target, "-g", target, "--transactional-id", target);

        var committed = Committed(target, source);
        if (broker.Cluster is null)
        {
            // A real Kafka applies the offsets sent to a transaction when it commits.
            Assert.Equal(Read(source).GroupBy(r => r.Partition.Value).Select(g => (g.Key, g.Max(r => r.Offset.Value) + 1)).Order(),
                committed.Select(o => (o.Partition.Value, o.Offset.Value)).Order());
        }
        else
        {
            // The embedded broker drops them; an offset here could only be the consumer committing on its own.
            Assert.All(committed, o => Assert.Equal(Offset.Unset, o.Offset));
        }
    }

    [Fact]
    public async Task A_redrive_sends_dead_letters_back_to_their_topic_without_the_dead_letter_headers()
    {
        var source = await broker.CreateTopicAsync("redrive-source", 1);
        var dlq = await broker.CreateTopicAsync("redrive-dlq", 1);
        using (var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build())
        {
            foreach (var (key, value) in new[] { ("bad-1", """{"id":1}"""), ("good", """{"id":2,"event_type":"note_created","text":"t"}"""), ("bad-2", """{"id":3,"event_type":7}""") })
            {
                await producer.ProduceAsync(source, new Message<byte[], byte[]>
                {
                    Key = Encoding.UTF8.GetBytes(key), Value = Encoding.UTF8.GetBytes(value), Headers = [new Header("h", "x"u8.ToArray())],
                });
            }
        }

        var (exitCode, _, error) = await CommandRunner.RunAsync(ConsumerCommand.Create(_ => null),
            "-b", broker.BootstrapServers, "-t", source, "-g", dlq, "--dlq-topic", dlq, "--exit-at-end", "-q").WaitAsync(Bound);
        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.All(Read(dlq), m => Assert.Equal(source, Text(m.Message.Headers.GetLastBytes(DeadLetterQueue.TopicHeader))));

        error = await Copy("-t", dlq, "--redrive", "--strip-dlq-headers", "-g", $"{dlq}-redrive", "--transactional-id", dlq);

        Assert.Contains("Copied 2 messages to the topics the dead-letter headers name", error);
        var contents = Read(source).Select(Content).ToList();
        Assert.Equal(5, contents.Count);
        Assert.Equal([contents[0], contents[2]], contents[3..]);
    }

    [Fact]
    public async Task A_redrive_stops_with_exit_1_at_a_message_that_does_not_say_where_it_came_from()
    {
        var topic = await broker.CreateTopicAsync("redrive-orphan", 1);
        await Produce(topic, "-n", "1");

        var (exitCode, _, error) = await ProgramProcess.RunAsync("KafkaDemo.Consumer",
            $"copy -b {broker.BootstrapServers} -t {topic} --redrive -g {topic} --exit-at-end").WaitAsync(Bound);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains($"Cannot copy {topic}[0]@0: it has no dlq.source.topic header", error);
    }

    [Fact]
    public async Task A_transaction_whose_offsets_are_refused_is_aborted_and_the_run_stops_with_exit_1()
    {
        using var cluster = KafkaDemo.LocalBroker.MockCluster.Start(brokerCount: 1);
        cluster.CreateTopic("source", 1);
        cluster.CreateTopic("target", 1);
        var (produced, _, produceError) = await CommandRunner.RunAsync(ProducerCommand.Create(_ => null), "-b", cluster.BootstrapServers, "-t", "source", "-n", "5", "-q")
            .WaitAsync(Bound);
        Assert.True(produced == ExitCodes.Success, produceError);
        cluster.PushRequestErrors(KafkaDemo.LocalBroker.KafkaApi.TxnOffsetCommit,
            ErrorCode.GroupAuthorizationFailed, ErrorCode.GroupAuthorizationFailed, ErrorCode.GroupAuthorizationFailed);

        var (exitCode, _, error) = await ProgramProcess.RunAsync("KafkaDemo.Consumer",
            $"copy -b {cluster.BootstrapServers} -t source --to-topic target -g copier --transactional-id copier --exit-at-end").WaitAsync(Bound);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("Copy: transaction 1 (5 messages) aborted: its source offsets could not be added to it", error);
    }

    [Fact]
    public async Task A_copy_killed_with_SIGKILL_and_restarted_leaves_every_source_message_in_the_target()
    {
        const int Events = 30_000;
        var source = await broker.CreateTopicAsync("copy-killed-source", 3);
        var target = await broker.CreateTopicAsync("copy-killed-target", 8);
        await Produce(source, "-n", Events.ToString(CultureInfo.InvariantCulture));
        string[] copy = ["copy", "-b", broker.BootstrapServers, "-t", source, "--to-topic", target, "-g", target, "--transactional-id", target,
            "--exit-at-end", "-q", "-X", "session.timeout.ms=6000"];

        var kills = 0;
        while (kills < 3)
        {
            var before = Stored(target);
            using var process = Process.Start(Programs.Start("KafkaDemo.Consumer", copy))!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            // Killed once it has written more, a random moment later: mid-transaction, mid-commit or between.
            await Eventually.HoldsAsync(() => Stored(target) > before || process.HasExited, "the copy wrote more", Bound);
            await Task.Delay(Random.Shared.Next(0, 50));
            if (process.HasExited)
            {
                break;
            }

            process.Kill();
            await process.WaitForExitAsync();
            kills++;
        }

        await Copy(copy[3..^4]);

        Assert.True(kills >= 2, $"only {kills} kills landed before the copy ended");
        var written = Read(target).Select(Sequence).ToList();
        Assert.Equal(Sequenced.Range(Events), written.Distinct().Order());
        if (broker.Cluster is null)
        {
            // Only a real Kafka hides the aborted copies and keeps the offsets each transaction carried.
            Assert.Equal(Sequenced.Range(Events), Read(target, IsolationLevel.ReadCommitted).Select(Sequence).Order());
        }

        Console.Error.WriteLine($"CopyCommandTests: {Events} events, {kills} SIGKILLs, {written.Count} copies written in all ({written.Count - Events} repeated){(broker.Cluster is null ? "" : ", on the embedded broker, which stores no transactional offsets: each restart copies from the start")}");
    }
}
