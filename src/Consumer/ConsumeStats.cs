using KafkaDemo.Common.Decoding;

namespace KafkaDemo.Consumer;

/// <summary>Counts shared by every consumer instance of a run. Thread-safe.</summary>
public sealed class ConsumeStats
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, long> _perPartition = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _perEventType = new(StringComparer.Ordinal);
    private long _consumed, _shown, _filtered, _invalid, _deadLettered;

    /// <summary>Records one handled message.</summary>
    public void Handled(string topic, int partition, DecodedMessage decoded, bool shown, bool deadLettered)
    {
        lock (_gate)
        {
            _consumed++;
            var key = $"{topic}[{partition}]";
            _perPartition[key] = _perPartition.GetValueOrDefault(key) + 1;
            if (decoded.EventType is { } type)
            {
                _perEventType[type] = _perEventType.GetValueOrDefault(type) + 1;
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
                PerPartition = new Dictionary<string, long>(_perPartition),
                PerEventType = new Dictionary<string, long>(_perEventType),
            };
        }
    }
}
