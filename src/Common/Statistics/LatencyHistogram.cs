namespace KafkaDemo.Common.Statistics;

/// <summary>
/// Percentiles of latencies in constant memory: values are counted in logarithmic buckets with 16
/// sub-buckets per power of two, so a reported percentile is within about 6% of the true value.
/// Not thread-safe; one writer at a time.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBucketBits = 4;
    private const int SubBuckets = 1 << SubBucketBits;
    private readonly long[] _counts = new long[64 * SubBuckets];

    /// <summary>Number of values recorded.</summary>
    public long Count { get; private set; }

    /// <summary>Records one latency; negative values count as zero.</summary>
    public void Record(TimeSpan latency)
    {
        _counts[BucketOf(Math.Max(0, (long)(latency.TotalMilliseconds * 1000)))]++;
        Count++;
    }

    /// <summary>The latency at or below which <paramref name="percentile"/> percent of values fall; zero when empty.</summary>
    public TimeSpan Percentile(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        if (Count == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(Count * percentile / 100));
        long seen = 0;
        for (var bucket = 0; bucket < _counts.Length; bucket++)
        {
            seen += _counts[bucket];
            if (seen >= rank)
            {
                return TimeSpan.FromMilliseconds(UpperBoundOf(bucket) / 1000.0);
            }
        }

        return TimeSpan.FromMilliseconds(UpperBoundOf(_counts.Length - 1) / 1000.0);
    }

    private static int BucketOf(long micros)
    {
        if (micros < SubBuckets)
        {
            return (int)micros;
        }

        var exponent = 63 - (int)long.LeadingZeroCount(micros);
        var subBucket = (int)(micros >> (exponent - SubBucketBits)) & (SubBuckets - 1);
        return ((exponent - SubBucketBits + 1) * SubBuckets) + subBucket;
    }

    // The largest value that lands in the bucket, so a percentile never understates a latency.
    private static long UpperBoundOf(int bucket)
    {
        if (bucket < SubBuckets)
        {
            return bucket;
        }

        var exponent = (bucket / SubBuckets) + SubBucketBits - 1;
        var subBucket = bucket % SubBuckets;
        var lower = (1L << exponent) | ((long)subBucket << (exponent - SubBucketBits));
        return lower + (1L << (exponent - SubBucketBits)) - 1;
    }
}
