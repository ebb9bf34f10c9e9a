using System.CommandLine;

namespace KafkaDemo.Cli.Completion;

/// <summary>
/// <c>completion &lt;bash|zsh|fish|pwsh&gt;</c>: the shell to print a completion script for.
/// <see cref="CompletionCommand"/> prints it.
/// </summary>
public sealed class CompletionCommandDefinition
{
    /// <summary>The shells a script exists for, as typed.</summary>
    public static readonly string[] Shells = ["bash", "zsh", "fish", "pwsh"];

    /// <summary>Declares the command and its one argument.</summary>
    public CompletionCommandDefinition()
    {
        Shell.AcceptOnlyFromAmong(Shells);
        Command = new Command("completion", "Prints the tab-completion script for a shell, e.g. source <(kafkademo-consumer completion bash); every TAB then asks this program what may come next")
        {
            Shell,
        };
    }

    /// <summary>The command, without its action until <see cref="CompletionCommand"/> sets it.</summary>
    public Command Command { get; }

    /// <summary>The shell: bash, zsh, fish or pwsh.</summary>
    public Argument<string> Shell { get; } = new("shell") { Description = "bash, zsh, fish or pwsh" };
}
