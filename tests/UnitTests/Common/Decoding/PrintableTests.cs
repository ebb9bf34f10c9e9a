using KafkaDemo.Common.Decoding;

namespace KafkaDemo.UnitTests.Common.Decoding;

public class PrintableTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("two\nlines", "two\\nlines")]
    [InlineData("tab\there", "tab\\there")]
    [InlineData("\u001b[31mred", "\\u001b[31mred")]
    [InlineData("nul\0byte", "nul\\u0000byte")]
    [InlineData("c1\u009bcontrol", "c1\\u009bcontrol")]
    [InlineData("ünïcödé ✅", "ünïcödé ✅")]
    public void Control_characters_are_escaped_and_everything_else_is_kept(string input, string expected)
    {
        Assert.Equal(expected, Printable.Escape(input));
    }
}
