namespace KafkaDemo.Common.Partitioning;

/// <summary>
/// The 32-bit murmur2 hash exactly as the Java client computes it (Kafka's <c>Utils.murmur2</c>,
/// seed 0x9747b28c), which librdkafka's <c>murmur2_random</c> partitioner reproduces. Written
/// here because no package gives Java's exact variant (its seed, its tail handling, its signed
/// result); the tests pin it to the Java client's own vectors.
/// </summary>
public static class Murmur2
{
    private const uint Seed = 0x9747b28c;
    private const uint M = 0x5bd1e995;
    private const int R = 24;

    /// <summary>The hash of <paramref name="data"/>, as a signed int like Java's.</summary>
    public static int Hash(ReadOnlySpan<byte> data)
    {
        var length = data.Length;
        var h = Seed ^ (uint)length;
        var fullWords = length / 4;

        for (var i = 0; i < fullWords; i++)
        {
            var k = (uint)(data[i * 4] | (data[(i * 4) + 1] << 8) | (data[(i * 4) + 2] << 16) | (data[(i * 4) + 3] << 24));
            k *= M;
            k ^= k >> R;
            k *= M;
            h *= M;
            h ^= k;
        }

        var tail = fullWords * 4;
        switch (length % 4)
        {
            case 3:
                h ^= (uint)data[tail + 2] << 16;
                goto case 2;
            case 2:
                h ^= (uint)data[tail + 1] << 8;
                goto case 1;
            case 1:
                h ^= data[tail];
                h *= M;
                break;
        }

        h ^= h >> 13;
        h *= M;
        h ^= h >> 15;
        return unchecked((int)h);
    }
}
