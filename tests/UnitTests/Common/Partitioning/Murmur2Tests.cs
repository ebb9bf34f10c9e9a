using System.Text;
using KafkaDemo.Common.Partitioning;

namespace KafkaDemo.UnitTests.Common.Partitioning;

public class Murmur2Tests
{
    // Apache Kafka's own expectations for Utils.murmur2 (clients UtilsTest.testMurmur2).
    [Theory]
    [InlineData("21", -973932308)]
    [InlineData("foobar", -790332482)]
    [InlineData("a-little-bit-long-string", -985981536)]
    [InlineData("a-little-bit-longer-string", -1486304829)]
    [InlineData("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971)]
    [InlineData("abc", 479470107)]
    public void Hash_matches_the_java_client(string key, int expected)
    {
        Assert.Equal(expected, Murmur2.Hash(Encoding.ASCII.GetBytes(key)));
    }

    // librdkafka's unit test vectors, which it checked against the Java client (rdmurmur2.c).
    [Theory]
    [InlineData("kafka", 0xd067cf64u)]
    [InlineData("giberish123456789", 0x8f552b0cu)]
    [InlineData("1234", 0x9fc97b14u)]
    [InlineData("234", 0xe7c009cau)]
    [InlineData("34", 0x873930dau)]
    [InlineData("4", 0x5a4b5ca1u)]
    [InlineData("PreAmbleWillBeRemoved,ThePrePartThatIs", 0x78424f1cu)]
    [InlineData("reAmbleWillBeRemoved,ThePrePartThatIs", 0x4a62b377u)]
    [InlineData("eAmbleWillBeRemoved,ThePrePartThatIs", 0xe0e4e09eu)]
    [InlineData("AmbleWillBeRemoved,ThePrePartThatIs", 0x62b8b43fu)]
    [InlineData("", 0x106e08d9u)]
    public void Hash_matches_librdkafkas_java_compatible_vectors(string key, uint expected)
    {
        Assert.Equal(unchecked((int)expected), Murmur2.Hash(Encoding.ASCII.GetBytes(key)));
    }
}
