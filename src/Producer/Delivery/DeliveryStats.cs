using KafkaDemo.Common.Statistics;

namespace KafkaDemo.Producer.Delivery;

/// <summary>Counts of acknowledged deliveries, their latencies and their partitions. Thread-safe.</summary>
public sealed class DeliveryStats
{
    private readonly Lock _gate = new();
    private readonly LatencyHistogram _latency = new();
    private readonly SortedDictionary<int, long> _perPartition = [];
    private long _failed;

    /// <summary>Messages acknowledged by the broker.</summary>
    public long Delivered => _latency.Count;

    /// <summary>Messages reported failed by a delivery report.</summary>
    public long FailedReports => Interlocked.Read(ref _failed);

    /// <summary>When the first delivery was acknowledged, as a <see cref="System.Diagnostics.Stopwatch"/> timestamp; 0 before that.</summary>
    public long FirstDeliveryTimestamp { get; private set; }

    /// <summary>Records one acknowledged delivery.</summary>
    public void Delivery(int partition, TimeSpan latency)
    {
        lock (_gate)
        {
            if (FirstDeliveryTimestamp == 0)
            {
                FirstDeliveryTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
            }

            _latency.Record(latency);
            _perPartition[partition] = _perPartition.GetValueOrDefault(partition) + 1;
        }
    }

    /// <summary>Records one failed delivery.</summary>
    public void Failure() => Interlocked.Increment(ref _failed);

    /// <summary>Latency percentile of acknowledged deliveries.</summary>
    public TimeSpan Percentile(double percentile)
    {
        lock (_gate)
        {
            return _latency.Percentile(percentile);
        }
    }

    /// <summary>Delivered count per partition, in partition order.</summary>
    public IReadOnlyList<(int Partition, long Count)> PerPartition()
    {
        lock (_gate)
        {
            return [.. _perPartition.Select(p => (p.Key, p.Value))];
        }
    }
}
