using KafkaDemo.Common.Filtering;

namespace KafkaDemo.UnitTests.Common.Filtering;

public class MessageFilterTests
{
    [Theory]
    [InlineData("key=user-*", FilterTarget.Key, null, false, "user-7", true)]
    [InlineData("key~^user", FilterTarget.Key, null, false, "user-7", true)]
    [InlineData("!key=user-*", FilterTarget.Key, null, true, "user-7", false)]
    [InlineData("key!=user-*", FilterTarget.Key, null, true, "user-7", false)]
    [InlineData("!key~^user", FilterTarget.Key, null, true, "admin", true)]
    [InlineData("key!~^user", FilterTarget.Key, null, true, "admin", true)]
    [InlineData("value=*deleted", FilterTarget.Value, null, false, "Note 1 deleted", true)]
    [InlineData("value~Note [0-9]+", FilterTarget.Value, null, false, "a Note 12 b", true)]
    [InlineData("header:source=demo", FilterTarget.Header, "source", false, "demo", true)]
    [InlineData("header:trace-id~^00-", FilterTarget.Header, "trace-id", false, "00-abc", true)]
    [InlineData("!header:source=demo", FilterTarget.Header, "source", true, "demo", false)]
    [InlineData("json:event_type=note_*", FilterTarget.JsonField, "event_type", false, "note_created", true)]
    [InlineData("json:note.author~(?i)^ann", FilterTarget.JsonField, "note.author", false, "Anna", true)]
    [InlineData("json:id!=1", FilterTarget.JsonField, "id", true, "1", false)]
    public void An_expression_parses_to_its_target_name_negation_and_pattern(string expression, FilterTarget target, string? name, bool negated, string text, bool passes)
    {
        var filter = MessageFilter.Parse(expression, out var error);

        Assert.Null(error);
        Assert.Equal((expression, target, name, negated), (filter!.Expression, filter.Target, filter.Name, filter.Negated));
        Assert.Equal(passes, filter.Passes(text));
    }

    [Fact]
    public void The_pattern_is_everything_after_the_first_operator()
    {
        var glob = MessageFilter.Parse("value=a=b~c", out _)!;
        var regex = MessageFilter.Parse("header:h~x=y", out _)!;

        Assert.True(glob.Passes("a=b~c"));
        Assert.Equal("h", regex.Name);
        Assert.True(regex.Passes("-x=y-"));
    }

    [Fact]
    public void A_json_path_is_split_at_its_dots_and_event_type_is_known_as_such()
    {
        var nested = MessageFilter.Parse("json:note.tags.0=urgent", out _)!;
        var eventType = MessageFilter.Parse("json:event_type~created", out _)!;

        Assert.Equal(["note", "tags", "0"], nested.Path);
        Assert.False(nested.IsEventType);
        Assert.True(eventType.IsEventType);
    }

    [Theory]
    [InlineData("key=*")]
    [InlineData("key=")]
    [InlineData("key~")]
    [InlineData("value~.")]
    [InlineData("header:h=*")]
    public void An_absent_text_matches_no_pattern_not_even_one_that_matches_everything(string expression)
    {
        var filter = MessageFilter.Parse(expression, out _)!;
        var negated = MessageFilter.Parse("!" + expression, out _)!;

        Assert.False(filter.Passes(null));
        Assert.True(negated.Passes(null));
    }

    [Fact]
    public void An_empty_glob_matches_only_an_empty_text()
    {
        var filter = MessageFilter.Parse("key=", out _)!;

        Assert.True(filter.Passes(string.Empty));
        Assert.False(filter.Passes("k"));
    }

    [Fact]
    public void The_event_type_shorthand_matches_its_type_exactly_even_with_wildcards_in_it()
    {
        var filter = MessageFilter.ForEventType("note_*");

        Assert.True(filter.IsEventType);
        Assert.Equal("json:event_type=note_*", filter.Expression);
        Assert.True(filter.Passes("note_*"));
        Assert.False(filter.Passes("note_created"));
    }

    [Theory]
    [InlineData("user-7", "expected <target>=<glob> or <target>~<regex>")]
    [InlineData("", "expected <target>=<glob> or <target>~<regex>")]
    [InlineData("keys=a", "unknown target 'keys'")]
    [InlineData("Key=a", "unknown target 'Key'")]
    [InlineData("=a", "unknown target ''")]
    [InlineData("header:=a", "header: needs a header name")]
    [InlineData("json:=a", "'' is not a field path")]
    [InlineData("json:a..b=1", "'a..b' is not a field path")]
    [InlineData("json:.a=1", "'.a' is not a field path")]
    [InlineData("!key!=a", "not both")]
    [InlineData("key~(", "not a regular expression")]
    [InlineData(@"key=a\", "lone \\")]
    public void A_bad_expression_is_refused_with_the_reason(string expression, string reason)
    {
        Assert.Null(MessageFilter.Parse(expression, out var error));
        Assert.Contains(reason, error);
    }
}
