using System.Text.Json;

namespace KafkaDemo.Clients.Telemetry;

/// <summary>
/// Consumer lag per partition as librdkafka last reported it in its statistics (every
/// <c>statistics.interval.ms</c>): <c>consumer_lag</c>, the partition's end offset less the group's
/// committed offset, for the partitions a client has assigned (others report -1 and are left out).
/// Each client's report replaces that client's previous one. Thread-safe.
/// </summary>
public sealed class ConsumerLagStatistics
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<(string Topic, int Partition), long>> _perClient = new(StringComparer.Ordinal);

    /// <summary>Takes one statistics report (librdkafka's JSON); a report that does not parse is ignored.</summary>
    public void Report(string statistics)
    {
        var lags = new Dictionary<(string, int), long>();
        string client;
        try
        {
            using var document = JsonDocument.Parse(statistics);
            var root = document.RootElement;
            client = root.TryGetProperty("name", out var name) ? name.GetString() ?? string.Empty : string.Empty;
            if (root.TryGetProperty("topics", out var topics))
            {
                foreach (var topic in topics.EnumerateObject())
                {
                    if (!topic.Value.TryGetProperty("partitions", out var partitions))
                    {
                        continue;
                    }

                    foreach (var partition in partitions.EnumerateObject())
                    {
                        // -1 is librdkafka's UA (unassigned) partition; a lag of -1 means unknown.
                        if (int.TryParse(partition.Name, out var number) && number >= 0
                            && partition.Value.TryGetProperty("consumer_lag", out var lag) && lag.TryGetInt64(out var value) && value >= 0)
                        {
                            lags[(topic.Name, number)] = value;
                        }
                    }
                }
            }
        }
        catch (JsonException)
        {
            return;
        }

        lock (_gate)
        {
            _perClient[client] = lags;
        }
    }

    /// <summary>The latest lag of every partition some client reported.</summary>
    public IReadOnlyList<(string Topic, int Partition, long Lag)> Latest()
    {
        lock (_gate)
        {
            return [.. _perClient.Values.SelectMany(l => l).Select(l => (l.Key.Topic, l.Key.Partition, l.Value))];
        }
    }
}
