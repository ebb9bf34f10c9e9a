namespace KafkaDemo.UnitTests.Cli.Completion;

// compadd works only inside a live completion widget, so the driver replaces it with a function
// that prints what it is given, checks that the script registered itself with compdef, and calls
// the completion function with words, CURRENT and PREFIX set as zsh sets them on TAB.
public class ZshCompletionTests
{
    private const string Driver = """
        autoload -Uz compinit && compinit -u -D
        compadd() { [[ $1 == -a ]] && print -rl -- "${(@P)2}" }
        _files() { print -r -- '(files)' }
        source <(KafkaDemo.Producer completion zsh)
        source <(KafkaDemo.Consumer completion zsh)
        [[ $_comps[KafkaDemo.Consumer] == _kafkademo_complete && $_comps[kafkademo-producer] == _kafkademo_complete ]] || { print -u2 'compdef did not register the programs'; exit 3 }
        for line in "${(@f)COMPLETE_LINES}"; do
          words=(${(z)line}); CURRENT=$#words; PREFIX=$words[CURRENT]
          if [[ $line == *' ' ]]; then words+=(''); CURRENT=$#words; PREFIX=''; fi
          _kafkademo_complete
          print -- --
        done
        """;

    [SkippableFact]
    public async Task The_zsh_script_completes_options_subcommands_values_and_topics_from_the_program()
    {
        Skip.If(CompletionShell.Find("zsh") is null, "zsh is not installed (apt-get install zsh; ./build.sh test installs it)");
        await CompletionShell.AssertCompletesAsync("zsh", ["-f", "-c", Driver]);
    }
}
