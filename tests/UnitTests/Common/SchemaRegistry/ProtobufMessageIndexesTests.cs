using KafkaDemo.Common.SchemaRegistry;

namespace KafkaDemo.UnitTests.Common.SchemaRegistry;

public class ProtobufMessageIndexesTests
{
    // Zig-zag varints: 0 -> 00, 1 -> 02, 2 -> 04, 3 -> 06, 64 -> 80 01.
    [Theory]
    [InlineData("00 0A 0B", new[] { 0 }, 1)]
    [InlineData("02 00", new[] { 0 }, 2)]
    [InlineData("02 04 0A", new[] { 2 }, 2)]
    [InlineData("06 02 00 04", new[] { 1, 0, 2 }, 4)]
    [InlineData("02 80 01", new[] { 64 }, 3)]
    public void Reads_the_path_and_its_length(string hex, int[] expected, int expectedLength)
    {
        Assert.True(ProtobufMessageIndexes.TryRead(Bytes(hex), out var indexes, out var length, out var problem));

        Assert.Equal(expected, indexes);
        Assert.Equal(expectedLength, length);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("", "the message-index array is cut short")]
    [InlineData("80", "the message-index array is cut short")]
    [InlineData("04 02", "message-index count 2 runs past the data")]
    [InlineData("01", "message-index count -1 is negative")]
    [InlineData("02 03", "message index -2 is negative")]
    [InlineData("FF FF FF FF FF 01", "a message-index varint is longer than 5 bytes")]
    public void Rejects_an_array_that_is_cut_short_or_impossible(string hex, string expected)
    {
        Assert.False(ProtobufMessageIndexes.TryRead(Bytes(hex), out _, out _, out var problem));

        Assert.Equal(expected, problem);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(22);
        var buffer = new byte[8];
        for (var i = 0; i < 20_000; i++)
        {
            var data = buffer.AsSpan(0, random.Next(buffer.Length + 1));
            random.NextBytes(data);

            var read = ProtobufMessageIndexes.TryRead(data, out var indexes, out var length, out var problem);

            Assert.Equal(read, problem is null);
            Assert.True(!read || (indexes.Length > 0 && length <= data.Length && indexes.All(index => index >= 0)));
        }
    }

    private static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", ""));
}
