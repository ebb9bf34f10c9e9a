namespace KafkaDemo.UnitTests.Cli.Completion;

// bash itself is always there: the driver calls the completion function as bash's `complete -F`
// would, with COMP_LINE and COMP_POINT set.
public class BashCompletionTests
{
    private const string Driver = """
        set -e
        source <(KafkaDemo.Producer completion bash)
        source <(KafkaDemo.Consumer completion bash)
        complete -p KafkaDemo.Consumer kafkademo-consumer >/dev/null
        mapfile -t lines <<<"$COMPLETE_LINES"
        for line in "${lines[@]}"; do
          COMP_LINE=$line COMP_POINT=${#line}
          _kafkademo_complete "${line%% *}"
          printf '%s\n' "${COMPREPLY[@]}" --
        done
        """;

    [Fact]
    public async Task The_bash_script_completes_options_subcommands_values_and_topics_from_the_program()
    {
        await CompletionShell.AssertCompletesAsync("bash", ["-c", Driver]);
    }
}
