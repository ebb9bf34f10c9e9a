using KafkaDemo.Common.Filtering;

namespace KafkaDemo.UnitTests.Common.Filtering;

public class TextPatternTests
{
    [Theory]
    [InlineData("note_created", "note_created", true)]
    [InlineData("note_created", "note_created2", false)]
    [InlineData("note_*", "note_created", true)]
    [InlineData("note_*", "note_", true)]
    [InlineData("note_*", "a note_created", false)]
    [InlineData("*-7", "user-7", true)]
    [InlineData("*-7", "user-71", false)]
    [InlineData("user-?", "user-7", true)]
    [InlineData("user-?", "user-", false)]
    [InlineData("user-?", "user-77", false)]
    [InlineData("a*b*c", "a-x-b-y-c", true)]
    [InlineData("a.b", "axb", false)]
    [InlineData("a.b", "a.b", true)]
    [InlineData("[x]", "[x]", true)]
    [InlineData(@"2\*3", "2*3", true)]
    [InlineData(@"2\*3", "2x3", false)]
    [InlineData(@"why\?", "why?", true)]
    [InlineData(@"back\\slash", @"back\slash", true)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    [InlineData("*", "", true)]
    [InlineData("line*", "line one\nline two", true)]
    public void A_glob_matches_the_whole_text(string glob, string text, bool matches)
    {
        var pattern = TextPattern.FromGlob(glob, out var error);

        Assert.Null(error);
        Assert.Equal(matches, pattern!.IsMatch(text));
    }

    [Fact]
    public void A_glob_ending_in_a_lone_backslash_is_refused()
    {
        Assert.Null(TextPattern.FromGlob(@"abc\", out var error));
        Assert.Contains("lone \\", error);
    }

    [Theory]
    [InlineData("created", "note_created", true)]
    [InlineData("^note_", "note_created", true)]
    [InlineData("^created", "note_created", false)]
    [InlineData("^user-[0-9]+$", "user-42", true)]
    [InlineData("^user-[0-9]+$", "user-42a", false)]
    [InlineData("(?i)CREATED", "note_created", true)]
    [InlineData("CREATED", "note_created", false)]
    public void A_regular_expression_matches_anywhere_unless_anchored(string regex, string text, bool matches)
    {
        var pattern = TextPattern.FromRegex(regex, out var error);

        Assert.Null(error);
        Assert.Equal(matches, pattern!.IsMatch(text));
    }

    [Theory]
    [InlineData(@"(a)\1", "xaa", true)]
    [InlineData(@"(a)\1", "ab", false)]
    [InlineData("note_(?!deleted)", "note_created", true)]
    [InlineData("note_(?!deleted)", "note_deleted", false)]
    public void Backreferences_and_lookarounds_work_too(string regex, string text, bool matches)
    {
        Assert.Equal(matches, TextPattern.FromRegex(regex, out _)!.IsMatch(text));
    }

    [Theory]
    [InlineData("(")]
    [InlineData("[a-")]
    [InlineData("a{2,1}")]
    [InlineData(@"\")]
    public void A_regular_expression_that_does_not_parse_is_refused_with_dotnets_reason(string regex)
    {
        Assert.Null(TextPattern.FromRegex(regex, out var error));
        Assert.StartsWith("not a regular expression: ", error);
        Assert.DoesNotContain('\n', error!);
    }

    [Fact]
    public void Exactly_takes_wildcards_literally()
    {
        var pattern = TextPattern.Exactly("note_*");

        Assert.True(pattern.IsMatch("note_*"));
        Assert.False(pattern.IsMatch("note_created"));
    }
}
