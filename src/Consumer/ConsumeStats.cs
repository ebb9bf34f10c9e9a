using KafkaDemo.Common.Decoding;

namespace KafkaDemo.Consumer;

/// <summary>Counts shared by every consumer instance of a run. Thread-safe.</summary>
public sealed class ConsumeStats
{
    private readonly Lock _gate = new();
    // Keyed without building a string per message; names are made once, in Snapshot.
    private readonly Dictionary<(string Topic, int Partition), long> _perPartition = [];
    private readonly Dictionary<string, long> _perEventType = new(StringComparer.Ordinal);
    private long _consumed, _shown, _filtered, _invalid, _deadLettered;
    private DateTime? _firstHandledUtc;

    /// <summary>Records one handled message.</summary>
    public void Handled(string topic, int partition, DecodedMessage decoded, bool shown, bool deadLettered)
    {
        lock (_gate)
        {
            _firstHandledUtc ??= DateTime.UtcNow;
            _consumed++;
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_perPartition, (topic, partition), out _)++;
            if (decoded.EventType is { } type)
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_perEventType, type, out _)++;
            }

            _ = shown ? _shown++ : _filtered++;
            if (decoded.Kind == PayloadKind.Invalid)
            {
                _invalid++;
            }

            if (deadLettered)
            {
                _deadLettered++;
            }
        }
    }

    /// <summary>The counts so far as a summary.</summary>
    public ConsumeSummary Snapshot(bool fatal, bool startFailed)
    {
        lock (_gate)
        {
            return new ConsumeSummary(_consumed, _shown, _filtered, _invalid, fatal)
            {
                DeadLettered = _deadLettered,
                StartFailed = startFailed,
                FirstHandledUtc = _firstHandledUtc,
                PerPartition = _perPartition.OrderBy(p => p.Key.Topic, StringComparer.Ordinal).ThenBy(p => p.Key.Partition)
                    .ToDictionary(p => $"{p.Key.Topic}[{p.Key.Partition}]", p => p.Value),
                PerEventType = _perEventType.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(),
            };
        }
    }
}
