using System.Text;
using KafkaDemo.Common.Filtering;

namespace KafkaDemo.UnitTests.Common.Filtering;

public class JsonFieldReaderTests
{
    private const string Event = """
        {"id":7,"event_type":"note_created","text":"caf\u00e9","done":false,"score":1.50,"gone":null,
         "note":{"author":{"name":"Ann"},"tags":["urgent","home"]},"empty":{}}
        """;

    [Theory]
    [InlineData("event_type", "note_created")]
    [InlineData("text", "café")]
    [InlineData("id", "7")]
    [InlineData("score", "1.50")]
    [InlineData("done", "false")]
    [InlineData("note.author.name", "Ann")]
    [InlineData("note.tags.0", "urgent")]
    [InlineData("note.tags.1", "home")]
    [InlineData("note.tags", """["urgent","home"]""")]
    [InlineData("note.author", """{"name":"Ann"}""")]
    [InlineData("empty", "{}")]
    public void A_field_reads_as_the_text_it_is_matched_against(string path, string expected)
    {
        Assert.Equal(expected, JsonFieldReader.Read(Encoding.UTF8.GetBytes(Event), path.Split('.')));
    }

    [Theory]
    [InlineData("gone")]
    [InlineData("missing")]
    [InlineData("note.tags.2")]
    [InlineData("note.tags.x")]
    [InlineData("note.tags.-1")]
    [InlineData("id.x")]
    [InlineData("note.author.name.first")]
    [InlineData("Event_type")]
    public void A_missing_field_or_a_json_null_reads_as_absent(string path)
    {
        Assert.Null(JsonFieldReader.Read(Encoding.UTF8.GetBytes(Event), path.Split('.')));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"a":""")]
    [InlineData("")]
    [InlineData("""{"a":"\ud800"}""")]
    public void Text_that_is_not_json_or_a_string_that_is_no_text_has_no_field(string text)
    {
        Assert.Null(JsonFieldReader.Read(Encoding.UTF8.GetBytes(text), ["a"]));
    }

    [Fact]
    public void The_last_of_a_repeated_name_counts_as_in_the_decoder()
    {
        Assert.Equal("second", JsonFieldReader.Read("""{"a":"first","b":1,"a":"second"}"""u8, ["a"]));
        Assert.Equal("2", JsonFieldReader.Read("""{"o":{"x":1},"o":{"x":2}}"""u8, ["o", "x"]));
    }

    [Fact]
    public void An_array_at_the_top_is_indexed_like_any_other()
    {
        Assert.Equal("b", JsonFieldReader.Read("""[{"k":"a"},{"k":"b"}]"""u8, ["1", "k"]));
    }
}
