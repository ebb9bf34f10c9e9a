using System.Text;
using KafkaDemo.Common.Partitioning;

namespace KafkaDemo.UnitTests.Common.Partitioning;

public class Crc32Tests
{
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("123456789", 0xCBF43926u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
    public void Hash_is_the_standard_ieee_crc32(string text, uint expected)
    {
        Assert.Equal(expected, Crc32.Hash(Encoding.ASCII.GetBytes(text)));
    }
}
