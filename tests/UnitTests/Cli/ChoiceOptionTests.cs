using System.CommandLine;
using KafkaDemo.Cli;
using KafkaDemo.Consumer;

namespace KafkaDemo.UnitTests.Cli;

public class ChoiceOptionTests
{
    private static (ChoiceOption<CommitMode> Option, RootCommand Root) Create()
    {
        var option = new ChoiceOption<CommitMode>("--commit", [], "When offsets are stored", CommitMode.AfterProcessing);
        return (option, new RootCommand { option });
    }

    [Fact]
    public void A_kebab_case_name_parses_to_its_member()
    {
        var (option, root) = Create();

        Assert.Equal(CommitMode.Auto, option.ValueIn(root.Parse("--commit auto")));
        Assert.Equal(CommitMode.AfterProcessing, option.ValueIn(root.Parse("--commit after-processing")));
    }

    [Fact]
    public void Without_the_option_the_default_applies_and_help_names_it_in_kebab_case()
    {
        var (option, root) = Create();

        Assert.Equal(CommitMode.AfterProcessing, option.ValueIn(root.Parse(string.Empty)));
        Assert.EndsWith("[default: after-processing]", option.Description);
    }

    [Fact]
    public void A_member_name_in_pascal_case_is_refused_with_the_choices()
    {
        var (_, root) = Create();

        var error = Assert.Single(root.Parse("--commit AfterProcessing").Errors);

        Assert.Contains("'after-processing'", error.Message);
    }
}
