using KafkaDemo.Cli;
using KafkaDemo.Common.Filtering;
using KafkaDemo.Consumer;

namespace KafkaDemo.UnitTests.Consumer.Filters;

public class FilterOptionsTests
{
    [Fact]
    public void Repeated_filters_bind_in_order_beside_the_event_type()
    {
        var options = ConsumerCommand.Bind(["--filter", "key=user-*", "-e", "note_created", "--filter", "!header:source~^test"], CommandLine.Environment());

        Assert.Equal(["key=user-*", "!header:source~^test"], options.Filters.Select(f => f.Expression));
        Assert.Equal([FilterTarget.Key, FilterTarget.Header], options.Filters.Select(f => f.Target));
        Assert.Equal("note_created", options.EventType);
    }

    [Fact]
    public void No_filter_binds_to_none()
    {
        Assert.Empty(ConsumerCommand.Bind([], CommandLine.Environment()).Filters);
    }

    [Theory]
    [InlineData("key~(", "--filter 'key~(': not a regular expression: Invalid pattern '(' at offset 1")]
    [InlineData("value~[a-", "--filter 'value~[a-': not a regular expression")]
    [InlineData("user-7", "--filter 'user-7': expected <target>=<glob> or <target>~<regex>")]
    [InlineData("keys=a", "--filter 'keys=a': unknown target 'keys'")]
    [InlineData("header:=a", "--filter 'header:=a': header: needs a header name")]
    [InlineData("json:a..b=1", "--filter 'json:a..b=1': 'a..b' is not a field path")]
    [InlineData(@"key=a\", @"--filter 'key=a\': the glob ends in a lone \")]
    [InlineData("!key!=a", "--filter '!key!=a': negate with a leading ! or with != / !~, not both")]
    public async Task A_bad_filter_is_a_usage_error_of_one_line_naming_the_option_and_the_pattern(string expression, string message)
    {
        var (exitCode, output, error) = await CommandLine.RunAsync(ConsumerCommand.Create(CommandLine.Environment()),
            "-b", "127.0.0.1:1", "--filter", "key=fine", "--filter", expression);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
