namespace KafkaDemo.Common.Partitioning;

/// <summary>
/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, as in zlib), the hash librdkafka's
/// <c>consistent</c> and <c>consistent_random</c> partitioners use.
/// </summary>
public static class Crc32
{
    private static readonly uint[] s_table = BuildTable();

    /// <summary>The checksum of <paramref name="data"/>.</summary>
    public static uint Hash(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = s_table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
