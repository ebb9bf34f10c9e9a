using KafkaDemo.Common.Encodings;

namespace KafkaDemo.UnitTests.Common.Encodings;

public class ByteEncodingsTests
{
    // Not UTF-8: a lone continuation byte, an overlong NUL, a byte UTF-8 never uses, a NUL.
    private static readonly byte[] NotUtf8 = [0x80, 0xc0, 0x80, 0xff, 0x00, 0x41];

    public static TheoryData<ByteEncoding, int> EveryExactEncodingAndSize => new()
    {
        { ByteEncoding.Hex, 0 }, { ByteEncoding.Hex, 1 }, { ByteEncoding.Hex, 257 }, { ByteEncoding.Hex, 4096 },
        { ByteEncoding.Base64, 0 }, { ByteEncoding.Base64, 1 }, { ByteEncoding.Base64, 2 }, { ByteEncoding.Base64, 3 }, { ByteEncoding.Base64, 4096 },
    };

    [Theory]
    [MemberData(nameof(EveryExactEncodingAndSize))]
    public void Random_bytes_come_back_exactly_through_hex_and_base64(ByteEncoding encoding, int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);

        var text = ByteEncodings.Encode(bytes, encoding)!;

        Assert.True(ByteEncodings.TryDecode(text, encoding, out var back, out var error), error);
        Assert.Equal(bytes, back);
    }

    [Theory]
    [InlineData(ByteEncoding.Text, "\ufffd\ufffd\ufffd\ufffd\0A")]
    [InlineData(ByteEncoding.Hex, "80c080ff0041")]
    [InlineData(ByteEncoding.Base64, "gMCA/wBB")]
    public void Bytes_that_are_not_utf8_are_written_in_each_encoding(ByteEncoding encoding, string expected)
    {
        Assert.Equal(expected, ByteEncodings.Encode(NotUtf8, encoding));
    }

    [Fact]
    public void Text_is_exact_for_utf8_and_loses_other_bytes()
    {
        Assert.True(ByteEncodings.TryDecode(ByteEncodings.Encode("héllo ✓"u8.ToArray(), ByteEncoding.Text)!, ByteEncoding.Text, out var utf8, out _));
        Assert.True(ByteEncodings.TryDecode(ByteEncodings.Encode(NotUtf8, ByteEncoding.Text)!, ByteEncoding.Text, out var lossy, out _));

        Assert.Equal("héllo ✓"u8.ToArray(), utf8);
        Assert.NotEqual(NotUtf8, lossy);
    }

    [Theory]
    [InlineData(ByteEncoding.Text)]
    [InlineData(ByteEncoding.Hex)]
    [InlineData(ByteEncoding.Base64)]
    public void Null_stays_null_and_empty_stays_empty(ByteEncoding encoding)
    {
        Assert.Null(ByteEncodings.Encode(null, encoding));
        Assert.Equal(string.Empty, ByteEncodings.Encode([], encoding));
        Assert.True(ByteEncodings.TryDecode(string.Empty, encoding, out var empty, out _));
        Assert.Empty(empty);
    }

    [Fact]
    public void Hex_is_written_in_lower_case_and_read_in_either()
    {
        Assert.Equal("00abff", ByteEncodings.Encode([0x00, 0xab, 0xff], ByteEncoding.Hex));
        Assert.True(ByteEncodings.TryDecode("00ABfF", ByteEncoding.Hex, out var bytes, out _));
        Assert.Equal([0x00, 0xab, 0xff], bytes);
    }

    [Theory]
    [InlineData(ByteEncoding.Hex, "0g", "not hex: 'g' at position 2 of '0g'")]
    [InlineData(ByteEncoding.Hex, "abc", "not hex: an odd number of digits (3) in 'abc'")]
    [InlineData(ByteEncoding.Hex, "0x41", "not hex: 'x' at position 2 of '0x41'")]
    [InlineData(ByteEncoding.Hex, "41 42", "not hex: ' ' at position 3 of '41 42'")]
    [InlineData(ByteEncoding.Base64, "aGVsbG8", "not base64 (standard alphabet, with = padding): 'aGVsbG8'")]
    [InlineData(ByteEncoding.Base64, "a$==", "not base64 (standard alphabet, with = padding): 'a$=='")]
    [InlineData(ByteEncoding.Base64, "_-8=", "not base64 (standard alphabet, with = padding): '_-8='")]
    public void Text_that_is_not_in_the_encoding_is_refused_saying_why(ByteEncoding encoding, string text, string expected)
    {
        Assert.False(ByteEncodings.TryDecode(text, encoding, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_long_bad_text_is_quoted_shortened()
    {
        Assert.False(ByteEncodings.TryDecode(new string('a', 99) + "z", ByteEncoding.Hex, out _, out var error));

        Assert.Equal($"not hex: 'z' at position 100 of '{new string('a', 37)}...'", error);
    }

    [Theory]
    [InlineData(ByteEncoding.Text, "text")]
    [InlineData(ByteEncoding.Hex, "hex")]
    [InlineData(ByteEncoding.Base64, "base64")]
    public void Each_encoding_goes_by_its_command_line_name(ByteEncoding encoding, string name)
    {
        Assert.Equal(name, ByteEncodings.Name(encoding));
    }
}
