using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using KafkaDemo.BrokerTests.Reliability;
using KafkaDemo.Cli;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Consumer;

/// <summary>
/// What the copy tests share: sequenced source topics from the Producer, runs of <c>consumer copy</c>
/// as a process, and readers of what a topic and a group hold.
/// </summary>
public sealed class CopyTopics(BrokerFixture broker)
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    public async Task Produce(string topic, params string[] args)
    {
        var (exitCode, _, error) = await CommandRunner.RunAsync(ProducerCommand.Create(_ => null),
            ["-b", broker.BootstrapServers, "-t", topic, "-q", "--key-strategy", "uuid", "--sequence-header", Sequenced.Header, .. args]).WaitAsync(Bound);
        Assert.True(exitCode == ExitCodes.Success, error);
    }

    // The program as a process, for the lines it logs on stderr.
    public async Task<string> Copy(params string[] args)
    {
        var (exitCode, _, error) = await ProgramProcess.RunAsync("KafkaDemo.Consumer",
            string.Join(' ', ["copy", "-b", broker.BootstrapServers, "--exit-at-end", "-X", "session.timeout.ms=6000", .. args])).WaitAsync(Bound);
        Assert.True(exitCode == ExitCodes.Success, error);
        return error;
    }

    // Every partition from its start to its end, markers and all; EOF events, not watermarks, end it.
    public List<ConsumeResult<byte[], byte[]>> Read(string topic, IsolationLevel isolation = IsolationLevel.ReadUncommitted)
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

    public List<TopicPartitionOffset> Committed(string group, string topic)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = group })
            .SetLogHandler((_, _) => { }).Build();
        return consumer.Committed(Enumerable.Range(0, broker.PartitionCount(topic)).Select(p => new TopicPartition(topic, p)), TimeSpan.FromSeconds(10));
    }

    public static long Sequence(ConsumeResult<byte[], byte[]> result) => Sequenced.From(result).Sequence;

    public static string Text(byte[]? bytes) => bytes is null ? "(null)" : Encoding.UTF8.GetString(bytes);

    // What a copy must keep: key, value and every header, in order.
    public static string Content(ConsumeResult<byte[], byte[]> result) =>
        $"{Text(result.Message.Key)} {Text(result.Message.Value)} [{string.Join(",", result.Message.Headers.Select(h => $"{h.Key}={Text(h.GetValueBytes())}"))}]";

    public long Stored(string topic)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = "watermarks" })
            .SetLogHandler((_, _) => { }).Build();
        return Enumerable.Range(0, broker.PartitionCount(topic))
            .Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High.Value);
    }
}
