using KafkaDemo.Common.Partitioning;

namespace KafkaDemo.UnitTests.Common.Partitioning;

public class PartitionPredictorTests
{
    [Theory]
    [InlineData("21", -973932308, 6)]
    [InlineData("foobar", -790332482, 12)]
    [InlineData("abc", 479470107, 3)]
    public void Key_maps_to_the_same_partition_as_the_java_client(string key, int javaHash, int partitions)
    {
        var javaPartition = (javaHash & 0x7fffffff) % partitions;

        Assert.Equal(javaPartition, PartitionPredictor.PartitionFor(PartitionerKind.Murmur2, key, partitions));
    }

    [Fact]
    public void Crc32_takes_the_checksum_modulo_the_partition_count()
    {
        Assert.Equal((int)(0xCBF43926u % 7), PartitionPredictor.PartitionFor(PartitionerKind.Crc32, "123456789", 7));
    }

    [Fact]
    public void An_empty_key_has_no_fixed_crc32_partition_but_a_fixed_murmur2_one()
    {
        Assert.Null(PartitionPredictor.PartitionFor(PartitionerKind.Crc32, "", 6));
        Assert.Equal((0x106e08d9 & 0x7fffffff) % 6, PartitionPredictor.PartitionFor(PartitionerKind.Murmur2, "", 6));
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000007", 4, 3)]
    [InlineData("00000000-0000-0000-0000-00000000000a", 2, 0)]
    [InlineData("ffffffff-ffff-ffff-ffff-ffffffffffff", 2, 1)]
    [InlineData("ffffffff-ffff-ffff-ffff-ffffffffffff", 3, 0)]
    [InlineData("80000000-0000-0000-0000-000000000000", 5, 3)]
    [InlineData("FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", 2, 1)]
    public void Uuid_modulo_reads_the_uuid_as_a_128_bit_big_endian_integer(string key, int partitions, int expected)
    {
        // 2^128 - 1 is odd and divisible by 3; 2^127 mod 5 = 3.
        Assert.Equal(expected, PartitionPredictor.PartitionFor(PartitionerKind.UuidModulo, key, partitions));
    }

    [Fact]
    public void Uuid_modulo_has_no_partition_for_a_key_that_is_not_a_uuid()
    {
        Assert.Null(PartitionPredictor.PartitionFor(PartitionerKind.UuidModulo, "note_created", 6));
    }

    [Fact]
    public void Every_partitioner_stays_within_range_for_many_keys()
    {
        foreach (var kind in Enum.GetValues<PartitionerKind>())
        {
            for (var i = 0; i < 2000; i++)
            {
                var partition = PartitionPredictor.PartitionFor(kind, Guid.NewGuid().ToString(), 7);
                Assert.InRange(partition!.Value, 0, 6);
            }
        }
    }
}
