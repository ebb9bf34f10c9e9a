using System.Text;
using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.DeadLetters;
using KafkaDemo.Producer;
using static KafkaDemo.BrokerTests.Consumer.CopyTopics;

namespace KafkaDemo.BrokerTests.Consumer;

// What `consumer copy` writes, through the real Consumer, on any broker. What the transactions
// promise is told apart by broker: librdkafka's mock broker (2.16) runs transactions and writes
// their markers, but serves aborted copies to read_committed readers too, and answers
// TxnOffsetCommit without storing the offsets (pinned down below); failures and kills: CopyFailureTests.
[Collection(BrokerCollection.Name)]
public class CopyCommandTests(BrokerFixture broker)
{
    private readonly CopyTopics _topics = new(broker);

    [Fact]
    public async Task A_copy_keeps_keys_values_and_headers_and_commits_the_source_offsets_once_delivered()
    {
        var source = await broker.CreateTopicAsync("copy-source", 3);
        var target = await broker.CreateTopicAsync("copy-target", 3);
        await _topics.Produce(source, "-n", "30", "-H", "origin=test");

        var error = await _topics.Copy("-t", source, "--to-topic", target, "-g", target);

        Assert.Contains($"Copied 30 messages to {target}, each acknowledged", error);
        Assert.Equal(_topics.Read(source).OrderBy(Sequence).Select(Content), _topics.Read(target).OrderBy(Sequence).Select(Content));
        Assert.Equal(_topics.Read(source).GroupBy(r => r.Partition.Value).Select(g => (g.Key, g.Max(r => r.Offset.Value) + 1)).Order(),
            _topics.Committed(target, source).Select(o => (o.Partition.Value, o.Offset.Value)).Order());
    }

    [Fact]
    public async Task A_transactional_copy_with_keep_timestamps_and_keep_partitions_keeps_both()
    {
        var source = await broker.CreateTopicAsync("copy-keep-source", 3);
        var target = await broker.CreateTopicAsync("copy-keep-target", 3);
        await _topics.Produce(source, "-n", "30");

        var error = await _topics.Copy("-t", source, "--to", target, "-g", target, "--transactional-id", target, "--keep-timestamps", "--keep-partitions");

        Assert.Contains($"Copied 30 messages to {target} in ", error);
        var originals = _topics.Read(source).ToDictionary(Sequence);
        var copies = _topics.Read(target, IsolationLevel.ReadCommitted);
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
        await _topics.Produce(source, "-n", "30");
        var originals = _topics.Read(source);

        await _topics.Copy("-t", source, "--to-topic", filtered, "-g", filtered, "--transactional-id", filtered, "-e", "note_created");
        await _topics.Copy("-t", source, "--to-topic", limited, "-g", limited, "--assign", $"{source}:1", "-n", "2");

        Assert.Equal(originals.Where(r => Text(r.Message.Value).Contains("note_created", StringComparison.Ordinal)).Select(Sequence).Order(),
            _topics.Read(filtered).Select(Sequence).Order());
        Assert.Equal(originals.Where(r => r.Partition.Value == 1).Select(Sequence).Order().Take(2), _topics.Read(limited).Select(Sequence).Order());
    }

    [Fact]
    public async Task A_transactional_copy_commits_its_source_offsets_only_inside_its_transactions()
    {
        var source = await broker.CreateTopicAsync("copy-offsets-source", 2);
        var target = await broker.CreateTopicAsync("copy-offsets-target", 2);
        await _topics.Produce(source, "-n", "20");

        await _topics.Copy("-t", source, "--to-topic", target, "-g", target, "--transactional-id", target);

        var committed = _topics.Committed(target, source);
        if (broker.Cluster is null)
        {
            // A real Kafka applies the offsets sent to a transaction when it commits.
            Assert.Equal(_topics.Read(source).GroupBy(r => r.Partition.Value).Select(g => (g.Key, g.Max(r => r.Offset.Value) + 1)).Order(),
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
        Assert.All(_topics.Read(dlq), m => Assert.Equal(source, Text(m.Message.Headers.GetLastBytes(DeadLetterQueue.TopicHeader))));

        error = await _topics.Copy("-t", dlq, "--redrive", "--strip-dlq-headers", "-g", $"{dlq}-redrive", "--transactional-id", dlq);

        Assert.Contains("Copied 2 messages to the topics the dead-letter headers name", error);
        var contents = _topics.Read(source).Select(Content).ToList();
        Assert.Equal(5, contents.Count);
        Assert.Equal([contents[0], contents[2]], contents[3..]);
    }
}
