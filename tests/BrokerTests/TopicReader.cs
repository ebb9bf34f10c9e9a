using Confluent.Kafka;

namespace KafkaDemo.BrokerTests;

/// <summary>Reads a topic exactly as stored: every partition from its start up to its high watermark, with no group.</summary>
public static class TopicReader
{
    /// <summary>
    /// Everything stored in <paramref name="topic"/>. Waits (within <paramref name="timeout"/>) for at
    /// least <paramref name="atLeast"/> messages to be stored, then reads to the high watermarks.
    /// </summary>
    public static IReadOnlyList<ConsumeResult<byte[], byte[]>> ReadAll(string bootstrapServers, string topic, int atLeast, TimeSpan? timeout = null)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"reader-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
        };
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).SetLogHandler((_, _) => { }).Build();
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions
            .Select(p => new TopicPartition(topic, p.PartitionId)).ToList();

        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        Dictionary<TopicPartition, long> ends;
        do
        {
            ends = partitions.ToDictionary(p => p, p => consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High.Value);
        }
        while (ends.Values.Sum() < atLeast && DateTime.UtcNow < deadline && Pause());

        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));
        deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var results = new List<ConsumeResult<byte[], byte[]>>();
        var next = partitions.ToDictionary(p => p, _ => 0L);
        while (next.Any(n => n.Value < ends[n.Key]) && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { Message: not null } result)
            {
                results.Add(result);
                next[result.TopicPartition] = result.Offset.Value + 1;
            }
        }

        return results;
    }

    private static bool Pause()
    {
        Thread.Sleep(100);
        return true;
    }
}
