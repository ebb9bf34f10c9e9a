using KafkaDemo.Common.Partitioning;
using KafkaDemo.Producer.Keys;

namespace KafkaDemo.UnitTests.Producer.Keys;

public class KeyExplanationTests
{
    [Fact]
    public void Each_key_gets_its_partition_under_every_partitioner_with_the_one_in_use_marked()
    {
        var lines = KeyExplanation.Render(["foobar"], 12, PartitionerKind.Murmur2);

        var javaPartition = (-790332482 & 0x7fffffff) % 12;
        var crcPartition = PartitionPredictor.PartitionFor(PartitionerKind.Crc32, "foobar", 12);
        Assert.Equal("12 partitions; [n] marks --partitioner murmur2, the one in use", lines[0]);
        Assert.Contains("murmur2 (Java default)", lines[1]);
        Assert.StartsWith($"foobar   [{javaPartition}]", lines[2]);
        Assert.Contains($" {crcPartition} ", lines[2]);
        Assert.Contains("(not a UUID: murmur2)", lines[2]);
    }

    [Fact]
    public void The_marker_follows_the_partitioner_in_use()
    {
        var line = KeyExplanation.Render(["00000000-0000-0000-0000-000000000007"], 4, PartitionerKind.UuidModulo)[2];

        Assert.EndsWith("[3]", line);
    }

    [Fact]
    public void An_empty_key_is_labelled_and_shown_as_random_under_crc32()
    {
        var line = KeyExplanation.Render([""], 3, PartitionerKind.Crc32)[2];

        Assert.StartsWith("(empty)", line);
        Assert.Contains("[random (empty key)]", line);
    }
}
