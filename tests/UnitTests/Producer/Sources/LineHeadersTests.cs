using System.Text;
using KafkaDemo.Producer.Sources;

namespace KafkaDemo.UnitTests.Producer.Sources;

public class LineHeadersTests
{
    private static (bool Ok, List<(string Name, string? Value)> Headers, string After, string? Error) Split(string line, LineHeaderFormat? format = null, string? nullMarker = null)
    {
        var ok = LineHeaders.TrySplit(line, format ?? LineHeaderFormat.KafkaDefaults, nullMarker, out var headers, out var rest, out var error);
        return (ok, [.. headers.Select(h => (h.Key, h.Value is null ? null : Encoding.UTF8.GetString(h.Value)))], rest, error);
    }

    [Fact]
    public void Headers_come_before_the_first_tab_as_name_colon_value_separated_by_commas()
    {
        var (ok, headers, rest, _) = Split("trace:t-1,source:kcat\tkey:value\twith a tab");

        Assert.True(ok);
        Assert.Equal([("trace", "t-1"), ("source", "kcat")], headers);
        Assert.Equal("key:value\twith a tab", rest);
    }

    [Fact]
    public void A_header_value_keeps_everything_after_its_first_colon_and_may_be_empty()
    {
        var (_, headers, _, _) = Split("url:http://x:80,empty:\tv");

        Assert.Equal([("url", "http://x:80"), ("empty", "")], headers);
    }

    [Fact]
    public void An_empty_header_section_is_no_headers()
    {
        Assert.Equal((true, 0, "value"), (Split("\tvalue").Ok, Split("\tvalue").Headers.Count, Split("\tvalue").After));
    }

    [Fact]
    public void The_null_marker_makes_a_header_value_null_and_as_the_section_means_no_headers()
    {
        Assert.Equal([("gone", null), ("kept", "x")], Split("gone:NULL,kept:x\tv", nullMarker: "NULL").Headers);
        Assert.Empty(Split("NULL\tv", nullMarker: "NULL").Headers);
    }

    [Fact]
    public void Other_separators_can_be_chosen()
    {
        var (ok, headers, rest, _) = Split("a=1;b=2|k:v", new LineHeaderFormat("|", ";", "="));

        Assert.True(ok);
        Assert.Equal([("a", "1"), ("b", "2")], headers);
        Assert.Equal("k:v", rest);
    }

    [Theory]
    [InlineData("no delimiter here", null, "no headers delimiter (a tab) before the key and value")]
    [InlineData("", null, "no headers delimiter (a tab) before the key and value")]
    [InlineData("a:1,b\tv", null, "header 'b' has no ':' between its name and value")]
    [InlineData("a:1,\tv", null, "header '' has no ':' between its name and value")]
    [InlineData("NULL:x\tv", "NULL", "a header name cannot be the null marker 'NULL'")]
    public void A_line_not_in_that_shape_is_refused_saying_why(string line, string? nullMarker, string expected)
    {
        var (ok, _, _, error) = Split(line, nullMarker: nullMarker);

        Assert.False(ok);
        Assert.Equal(expected, error);
    }
}
