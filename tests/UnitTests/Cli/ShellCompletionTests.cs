using System.Diagnostics;
using KafkaDemo.Consumer;
using KafkaDemo.Producer;

namespace KafkaDemo.UnitTests.Cli;

// Completion is System.CommandLine's [suggest:<cursor>] directive; eng/completion/kafkademo.bash
// asks the programs through it on every TAB. The first tests ask in-process, the last one drives
// the bash script against the real executables copied beside these tests.
public class ShellCompletionTests
{
    private static async Task<string[]> Suggestions(System.CommandLine.RootCommand command, string line)
    {
        var (exitCode, output, _) = await CommandLine.RunAsync(command, $"[suggest:{line.Length}]", line);
        Assert.Equal(0, exitCode);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [Fact]
    public async Task The_producer_completes_option_names_from_their_start()
    {
        Assert.Equal(["--compact", "--compression"], await Suggestions(ProducerCommand.Create(CommandLine.Environment()), "KafkaDemo.Producer --comp"));
    }

    [Fact]
    public async Task The_producer_offers_the_fixed_values_of_an_option()
    {
        Assert.Equal(["gzip", "lz4", "none", "snappy", "zstd"], await Suggestions(ProducerCommand.Create(CommandLine.Environment()), "KafkaDemo.Producer --compression "));
    }

    [Fact]
    public async Task The_producer_completes_its_explain_keys_subcommand_and_the_options_it_shares()
    {
        Assert.Equal(["explain-keys"], await Suggestions(ProducerCommand.Create(CommandLine.Environment()), "KafkaDemo.Producer expl"));
        Assert.Equal(["--partitioner", "--partitions"], await Suggestions(ProducerCommand.Create(CommandLine.Environment()), "KafkaDemo.Producer explain-keys a --partit"));
    }

    [Fact]
    public async Task The_consumer_completes_subcommands_and_output_modes()
    {
        Assert.Equal(["reset-offsets"], await Suggestions(ConsumerCommand.Create(CommandLine.Environment()), "KafkaDemo.Consumer res"));
        Assert.Equal(["jsonl", "pretty", "raw"], await Suggestions(ConsumerCommand.Create(CommandLine.Environment()), "KafkaDemo.Consumer --output "));
    }

    [Fact]
    public async Task The_bash_script_fills_COMPREPLY_from_the_program_itself()
    {
        var script = Path.Combine(Repository.Root, "eng", "completion", "kafkademo.bash");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("""
            source "$1"
            PATH="$2:$PATH"
            COMP_LINE='KafkaDemo.Consumer --isolation-level read_'
            COMP_POINT=${#COMP_LINE}
            _kafkademo_complete KafkaDemo.Consumer
            printf '%s\n' "${COMPREPLY[@]}"
            COMP_LINE='KafkaDemo.Producer explain-keys a --partitioner c'
            COMP_POINT=${#COMP_LINE}
            _kafkademo_complete KafkaDemo.Producer
            printf '%s\n' "${COMPREPLY[@]}"
            complete -p KafkaDemo.Producer
            """);
        start.ArgumentList.Add("completion-test");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(AppContext.BaseDirectory);

        using var bash = Process.Start(start)!;
        var output = await bash.StandardOutput.ReadToEndAsync();
        var error = await bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();

        Assert.True(bash.ExitCode == 0, error);
        Assert.Equal(["read_committed", "read_uncommitted", "crc32", "complete -o default -F _kafkademo_complete KafkaDemo.Producer"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
