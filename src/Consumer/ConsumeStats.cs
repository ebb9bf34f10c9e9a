using KafkaDemo.Common.Decoding;

namespace KafkaDemo.Consumer;

/// <summary>Counts shared by every consumer instance of a run. Thread-safe.</summary>
/// <remarks>
/// Two shortcuts exist only for speed: the last partition's counter, and the decoder's reused
/// event-type strings compared by reference, are tried before any hashing. Consecutive messages
/// mostly share a partition and event types are few, so most messages are counted without a
/// dictionary lookup. They could go (leaving the two dictionaries) once counting no longer shows
/// in the Consumer's profile, for example if messages were counted per fetched batch.
/// </remarks>
public sealed class ConsumeStats
{
    private readonly Lock _gate = new();
    // Keyed without building a string per message; names are made once, in Snapshot.
    private readonly Dictionary<(string Topic, int Partition), Counter> _perPartition = [];
    private readonly Dictionary<string, Counter> _perEventType = new(StringComparer.Ordinal);
    private readonly List<(string Type, Counter Count)> _recentTypes = [];
    private (string Topic, int Partition, Counter Count)? _lastPartition;
    private long _consumed, _shown, _filtered, _invalid, _deadLettered;
    private DateTime? _firstHandledUtc;

    /// <summary>Records one handled message.</summary>
    public void Handled(string topic, int partition, DecodedMessage decoded, bool shown, bool deadLettered)
    {
        lock (_gate)
        {
            _firstHandledUtc ??= DateTime.UtcNow;
            _consumed++;
            PartitionCounter(topic, partition).Value++;
            if (decoded.EventType is { } type)
            {
                EventTypeCounter(type).Value++;
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

    private Counter PartitionCounter(string topic, int partition)
    {
        if (_lastPartition is { } last && last.Partition == partition && last.Topic == topic)
        {
            return last.Count;
        }

        ref var counter = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_perPartition, (topic, partition), out _);
        counter ??= new Counter();
        _lastPartition = (topic, partition, counter);
        return counter;
    }

    private Counter EventTypeCounter(string type)
    {
        foreach (var (known, count) in _recentTypes)
        {
            if (ReferenceEquals(known, type))
            {
                return count;
            }
        }

        ref var counter = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_perEventType, type, out _);
        counter ??= new Counter();
        // A handful of type strings are reused message after message (the decoder's own); other
        // types arrive as new strings each time and are only counted through the dictionary.
        if (_recentTypes.Count < 8)
        {
            _recentTypes.Add((type, counter));
        }

        return counter;
    }

    /// <summary>Messages handled so far.</summary>
    public long Consumed
    {
        get
        {
            lock (_gate)
            {
                return _consumed;
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
                    .ToDictionary(p => $"{p.Key.Topic}[{p.Key.Partition}]", p => p.Value.Value),
                PerEventType = _perEventType.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value.Value),
            };
        }
    }

    private sealed class Counter
    {
        public long Value;
    }
}
