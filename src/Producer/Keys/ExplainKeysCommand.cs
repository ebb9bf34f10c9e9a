using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Clients;

namespace KafkaDemo.Producer.Keys;

/// <summary>
/// <c>producer explain-keys k1,k2,…</c>: prints, for each key, the partition every partitioner
/// would pick, for the partition count given or the one the topic has, and sends nothing.
/// </summary>
public static class ExplainKeysCommand
{
    /// <summary>Runs it; <paramref name="partitionCount"/> null means "ask the cluster about the topic".</summary>
    public static int Run(IReadOnlyList<string> keys, int? partitionCount, ProducerOptions options, TextWriter stdout, TextWriter stderr)
    {
        var count = partitionCount ?? TopicPartitionCount(ProducerConfigFactory.Create(options), options.Topic, options.ConnectTimeout, stderr);
        if (count is not { } known)
        {
            return ExitCodes.Failure;
        }

        var inUse = PartitionerInUse.Of(options, out var inUseName);
        foreach (var line in KeyExplanation.Render(keys, known, inUse, inUseName))
        {
            stdout.WriteLine(line);
        }

        if (known == 1)
        {
            stderr.WriteLine("warning: with 1 partition every key lands in partition 0; keys only decide ordering once a topic has several partitions");
        }

        return ExitCodes.Success;
    }

    private static int? TopicPartitionCount(ProducerConfig config, string topic, TimeSpan timeout, TextWriter stderr)
    {
        int? count;
        try
        {
            count = ClusterMetadata.PartitionCount(config, topic, timeout);
        }
        catch (KafkaException ex)
        {
            stderr.WriteLine($"error: cannot read the partition count of {topic} within {Durations.Format(timeout)}: {ex.Error.Reason} (or give --partitions N)");
            return null;
        }
        catch (ArgumentException ex)
        {
            // librdkafka's reason can quote the value it refused.
            throw new UsageException($"invalid client configuration: {Secrets.Redact(ex.Message, config)}");
        }

        if (count is null)
        {
            stderr.WriteLine($"error: topic {topic} was not found; give --partitions N to explain keys for a topic that does not exist yet");
        }

        return count;
    }
}
