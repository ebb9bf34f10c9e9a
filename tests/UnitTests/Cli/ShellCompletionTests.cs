using KafkaDemo.Consumer;
using KafkaDemo.Producer;

namespace KafkaDemo.UnitTests.Cli;

// Completion is System.CommandLine's [suggest:<cursor>] directive; the scripts of `completion
// <shell>` ask the programs through it on every TAB (Completion/ drives each shell). These ask
// in-process.
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
}
