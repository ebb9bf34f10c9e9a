using System.Text;
using KafkaDemo.Common.SchemaRegistry;

namespace KafkaDemo.UnitTests.Common.SchemaRegistry;

public class SchemaFrameReaderTests
{
    [Theory]
    [InlineData("00 00 00 00 01 02 66 6F", 1)]
    [InlineData("00 00 00 01 00", 256)]
    [InlineData("00 7F FF FF FF 00", int.MaxValue)]
    public void A_value_with_magic_byte_0_and_a_positive_id_is_framed(string hex, int expectedId)
    {
        var frame = SchemaFrameReader.ReadPrefix(Bytes(hex));

        Assert.Equal(SchemaFrameStatus.Framed, frame.Status);
        Assert.Equal(SchemaFrameForm.Prefix, frame.Form);
        Assert.Equal(expectedId, frame.SchemaId);
        Assert.Null(frame.SchemaGuid);
        Assert.Equal(5, frame.PayloadOffset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("01 00 00 00 01 02")]
    [InlineData("7B 22 61 22 3A 31 7D")]
    [InlineData("00 00 00 00 00 01")]
    [InlineData("00 80 00 00 00 01")]
    [InlineData("00 FF FF FF FF")]
    public void A_value_without_magic_byte_0_or_with_an_id_below_1_is_not_framed(string hex)
    {
        Assert.Equal(SchemaFrame.None, SchemaFrameReader.ReadPrefix(Bytes(hex)));
    }

    [Theory]
    [InlineData("00", "1 bytes, a frame needs 5")]
    [InlineData("00 00", "2 bytes, a frame needs 5")]
    [InlineData("00 00 00 01", "4 bytes, a frame needs 5")]
    public void A_value_cut_short_after_magic_byte_0_is_truncated(string hex, string problem)
    {
        var frame = SchemaFrameReader.ReadPrefix(Bytes(hex));

        Assert.Equal(SchemaFrameStatus.Truncated, frame.Status);
        Assert.Null(frame.SchemaId);
        Assert.Equal(problem, frame.Problem);
        Assert.Equal(0, frame.PayloadOffset);
    }

    [Fact]
    public void A_json_value_that_starts_with_a_nul_reads_as_a_frame_because_the_bytes_cannot_tell()
    {
        var frame = SchemaFrameReader.ReadPrefix(Encoding.UTF8.GetBytes("\0{\"a\":1}"));

        Assert.Equal(SchemaFrameStatus.Framed, frame.Status);
        Assert.Equal(0x7B22_6122, frame.SchemaId);
    }

    [Fact]
    public void Text_of_nuls_is_not_framed_because_id_0_is_none_of_the_registrys()
    {
        Assert.Equal(SchemaFrame.None, SchemaFrameReader.ReadPrefix(Encoding.UTF8.GetBytes("\0\0\0\0\0hello")));
    }

    [Fact]
    public void Random_bytes_never_throw_and_are_framed_exactly_when_they_have_the_shape()
    {
        var random = new Random(22);
        var buffer = new byte[12];
        for (var i = 0; i < 20_000; i++)
        {
            var data = buffer.AsSpan(0, random.Next(buffer.Length + 1));
            random.NextBytes(data);
            if (i % 4 == 0 && data.Length > 0)
            {
                data[0] = 0;
            }

            var frame = SchemaFrameReader.ReadPrefix(data);

            var shaped = data.Length >= 5 && data[0] == 0 && (data[1] & 0x80) == 0 && data[1..5].IndexOfAnyExcept((byte)0) >= 0;
            Assert.Equal(shaped, frame.Status == SchemaFrameStatus.Framed);
            Assert.Equal(data.Length is > 0 and < 5 && data[0] == 0, frame.Status == SchemaFrameStatus.Truncated);
        }
    }

    [Fact]
    public void A_guid_header_names_the_schema_and_leaves_the_value_unframed()
    {
        var guid = Guid.Parse("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");

        var frame = SchemaFrameReader.Read(Bytes("00 00 00 00 07 AA"), Bytes("01 0F 1E 2D 3C 4B 5A 69 78 87 96 A5 B4 C3 D2 E1 F0"));

        Assert.Equal(SchemaFrameStatus.Framed, frame.Status);
        Assert.Equal(SchemaFrameForm.Header, frame.Form);
        Assert.Equal(guid, frame.SchemaGuid);
        Assert.Null(frame.SchemaId);
        Assert.Equal(17, frame.IdEnd);
        Assert.Equal(0, frame.PayloadOffset);
    }

    [Fact]
    public void An_id_header_names_the_schema_by_id()
    {
        var frame = SchemaFrameReader.ReadHeader(Bytes("00 00 00 01 2C 00"));

        Assert.Equal(SchemaFrameStatus.Framed, frame.Status);
        Assert.Equal(SchemaFrameForm.Header, frame.Form);
        Assert.Equal(300, frame.SchemaId);
        Assert.Equal(5, frame.IdEnd);
    }

    [Theory]
    [InlineData("", "the header is empty")]
    [InlineData("02 00 00 00 01", "magic byte 2, expected 0 or 1")]
    [InlineData("00 00 01", "3 bytes, an id needs 5")]
    [InlineData("00 00 00 00 00", "schema id 0 is not positive")]
    [InlineData("01 0F 1E 2D 3C 4B 5A 69 78 87 96 A5 B4 C3 D2 E1", "16 bytes, a GUID needs 17")]
    public void A_header_that_holds_no_schema_identity_is_malformed(string hex, string problem)
    {
        var frame = SchemaFrameReader.Read(Bytes("00 00 00 00 07"), Bytes(hex));

        Assert.Equal(SchemaFrameStatus.Malformed, frame.Status);
        Assert.Equal(problem, frame.Problem);
        Assert.Null(frame.SchemaId);
        Assert.Null(frame.SchemaGuid);
    }

    [Fact]
    public void Without_a_header_the_values_own_prefix_is_read()
    {
        Assert.Equal(7, SchemaFrameReader.Read(Bytes("00 00 00 00 07"), schemaIdHeader: null).SchemaId);
    }

    private static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", ""));
}
