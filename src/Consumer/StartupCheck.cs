using System.Diagnostics.CodeAnalysis;
using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Clients;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer;

/// <summary>
/// Before any consumer starts: one metadata request answers both "is anybody there?" and "do these
/// topics exist?", and turns both into one clear line instead of a consumer that waits for ever.
/// </summary>
internal static class StartupCheck
{
    /// <summary>True when a broker answered and every topic to read exists; false after logging why not.</summary>
    public static bool TopicsExist(ConsumerOptions options, ConsumerConfig config, ILogger logger, [NotNullWhen(true)] out Metadata? metadata)
    {
        var wanted = (options.Assignment?.Select(a => a.Topic) ?? options.Topics).Distinct().ToList();
        metadata = null;
        try
        {
            metadata = ClusterMetadata.Fetch(config, options.ConnectTimeout);
        }
        catch (KafkaException ex)
        {
            // The address the client really used: a --config file may have set it.
            logger.LogError("Cannot reach any broker at {Bootstrap} within {Timeout}: {Reason}",
                config.BootstrapServers, Durations.Format(options.ConnectTimeout), ex.Error.Reason);
            return false;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            throw new UsageException($"invalid client configuration: {Secrets.Redact(ex.Message, options.ClientSettings)}");
        }

        var missing = ClusterMetadata.Missing(metadata, wanted);
        foreach (var topic in missing)
        {
            logger.LogError("Topic {Topic} does not exist", topic);
        }

        return missing.Count == 0;
    }
}
