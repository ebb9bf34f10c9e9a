namespace KafkaDemo.UnitTests.Cli.Completion;

// fish completes a line without a terminal (`complete --do-complete`), through the completions
// the script registered, as it would on TAB; it prints "candidate<TAB>description".
public class FishCompletionTests
{
    private const string Driver = """
        KafkaDemo.Producer completion fish | source
        KafkaDemo.Consumer completion fish | source
        for line in (string split \n -- "$COMPLETE_LINES")
            complete --do-complete="$line" | string replace -r '\t.*' ''
            echo -- --
        end
        """;

    [SkippableFact]
    public async Task The_fish_script_completes_options_subcommands_values_and_topics_from_the_program()
    {
        Skip.If(CompletionShell.Find("fish") is null, "fish is not installed (apt-get install fish; ./build.sh test installs it)");
        await CompletionShell.AssertCompletesAsync("fish", ["--no-config", "-c", Driver]);
    }
}
