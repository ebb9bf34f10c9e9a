using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Producer;

/// <summary>Creates the topic through the admin API when it is missing, or says why it could not.</summary>
public static class TopicCreator
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Creates <paramref name="topic"/> as <paramref name="creation"/> describes unless
    /// <paramref name="metadata"/> already lists it. A broker that cannot create topics (the
    /// embedded one, or missing ACLs) gets one warning; producing goes on with auto-creation.
    /// </summary>
    public static void Ensure(IProducer<byte[], byte[]> producer, Metadata? metadata, string topic, TopicCreation creation, ILogger logger)
    {
        if (metadata?.Topics.Any(t => t.Topic == topic && t.Error.Code == ErrorCode.NoError) == true)
        {
            logger.LogInformation("Topic {Topic} exists; --create-topic has nothing to do", topic);
            return;
        }

        var specification = new TopicSpecification
        {
            Name = topic,
            NumPartitions = creation.Partitions,
            ReplicationFactor = creation.ReplicationFactor,
            Configs = creation.Compact ? new Dictionary<string, string> { ["cleanup.policy"] = "compact" } : null,
        };

        try
        {
            using var admin = new DependentAdminClientBuilder(producer.Handle).Build();
            admin.CreateTopicsAsync([specification], new CreateTopicsOptions { RequestTimeout = s_timeout, OperationTimeout = s_timeout })
                .WaitAsync(s_timeout + TimeSpan.FromSeconds(1)).GetAwaiter().GetResult();
            logger.LogInformation("Created topic {Topic}: {Partitions} partitions, replication factor {Replicas}{Compact}",
                topic, creation.Partitions, creation.ReplicationFactor == -1 ? "broker default" : creation.ReplicationFactor,
                creation.Compact ? ", compacted" : string.Empty);
        }
        catch (CreateTopicsException ex) when (ex.Results.All(r => r.Error.Code == ErrorCode.TopicAlreadyExists))
        {
            logger.LogInformation("Topic {Topic} already exists", topic);
        }
        catch (Exception ex) when (ex is KafkaException or TimeoutException)
        {
            var reason = ex is CreateTopicsException create ? create.Results[0].Error.Reason : ex.Message;
            logger.LogWarning("Could not create topic {Topic} ({Reason}); going on with the broker's auto-creation", topic, reason);
        }
    }
}
