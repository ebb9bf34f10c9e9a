using System.CommandLine;
using KafkaDemo.Cli;

namespace KafkaDemo.UnitTests.Cli;

public class EnvironmentFallbackTests
{
    private static (RootCommand Root, Option<string> Topic) Command(params (string Name, string Value)[] variables)
    {
        var topic = new Option<string>("--topic").FallBackTo("KAFKA_TOPIC", "notes-topic", CommandLine.Environment(variables));
        return (new RootCommand { topic }, topic);
    }

    [Theory]
    [InlineData(new[] { "--topic", "typed" }, null, true)]
    [InlineData(new string[0], "orders", true)]
    [InlineData(new string[0], "", false)]
    [InlineData(new string[0], "  ", false)]
    [InlineData(new string[0], null, false)]
    public void An_option_is_given_when_typed_or_set_by_a_non_empty_variable(string[] args, string? variable, bool given)
    {
        var (root, topic) = variable is null ? Command() : Command(("KAFKA_TOPIC", variable));

        Assert.Equal(given, EnvironmentFallback.WasGiven(root.Parse(args), topic));
    }

    [Fact]
    public void The_flag_beats_the_variable_which_beats_the_default()
    {
        var (root, topic) = Command(("KAFKA_TOPIC", "orders"));

        Assert.Equal(("typed", "orders"), (root.Parse(["--topic", "typed"]).GetValue(topic), root.Parse([]).GetValue(topic)));
        Assert.Equal("notes-topic", Command(("KAFKA_TOPIC", "")).Root.Parse([]).GetValue<string>("--topic"));
    }
}
