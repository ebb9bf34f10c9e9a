using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer;

/// <summary>
/// Exists only for speed: makes a manual assignment's client learn its partitions' leaders before
/// it assigns them. A partition assigned before the client knows its leader waits for
/// librdkafka's 500 ms offset-query timer, and then behind any fetch long-poll already under way;
/// asking one partition's watermarks per topic makes the client learn the whole topic's leaders
/// first (one metadata and one ListOffsets round trip). It buys a <c>--partition</c>/<c>--assign</c>
/// run's first fetch without waiting for that timer, and could go once librdkafka starts a
/// manual assignment of partitions with unknown leaders at once. Not knowing the leaders
/// only delays the first fetch, so a failure here is a warning.
/// </summary>
internal static class LeaderLookup
{
    public static void Before(IConsumer<byte[], byte[]> consumer, IEnumerable<PartitionAssignment> manual, TimeSpan timeout, int instance, ILogger logger)
    {
        foreach (var first in manual.DistinctBy(a => a.Topic))
        {
            try
            {
                _ = consumer.QueryWatermarkOffsets(new TopicPartition(first.Topic, first.Partition), timeout);
            }
            catch (KafkaException ex)
            {
                logger.LogWarning("Consumer {Instance}: could not reach the leader of {Topic}[{Partition}] ({Reason}); reading starts once the client finds it",
                    instance, first.Topic, first.Partition, ex.Error.Reason);
            }
        }
    }
}
