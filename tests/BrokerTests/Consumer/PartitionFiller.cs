using System.Text;
using Confluent.Kafka;

namespace KafkaDemo.BrokerTests.Consumer;

/// <summary>Writes numbered messages to chosen partitions, with timestamps the test picks.</summary>
public static class PartitionFiller
{
    /// <summary>
    /// Appends <paramref name="count"/> messages to <paramref name="partition"/>; the i-th is stamped
    /// <paramref name="firstTimestampMs"/> + i seconds (now, when null) and reads <c>p&lt;partition&gt;-&lt;i&gt;</c>.
    /// </summary>
    public static async Task FillAsync(string bootstrapServers, string topic, int partition, int count, long? firstTimestampMs = null)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = bootstrapServers, LingerMs = 0 })
            .SetLogHandler((_, _) => { }).Build();
        for (var i = 0; i < count; i++)
        {
            var message = new Message<byte[]?, byte[]> { Value = Encoding.UTF8.GetBytes($"p{partition}-{i}") };
            if (firstTimestampMs is { } first)
            {
                message.Timestamp = new Timestamp(first + (i * 1000L), TimestampType.CreateTime);
            }

            await producer.ProduceAsync(new TopicPartition(topic, partition), message);
        }
    }

    /// <summary>The (partition, offset) pairs of lines written with <c>--format %p:%o\n</c>, per partition in order.</summary>
    public static Dictionary<int, List<long>> Offsets(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':'))
            .GroupBy(parts => int.Parse(parts[0]), parts => long.Parse(parts[1]))
            .ToDictionary(g => g.Key, g => g.ToList());
}
