using System.CommandLine;

namespace KafkaDemo.Cli.Completion;

/// <summary>
/// Adds <c>completion &lt;shell&gt;</c> to a program and the cluster's topic and group names to
/// what its <c>[suggest]</c> directive offers. The scripts it prints hold no list of options: on
/// each TAB they ask the program itself, so what completes is always what the program parses.
/// </summary>
public static class CompletionCommand
{
    /// <summary>
    /// Adds the subcommand to <paramref name="root"/>, whose scripts complete the program under
    /// each of <paramref name="commandNames"/> (the built executable's name, the published one),
    /// and offers <see cref="ClusterNames"/> wherever a topic or a group is asked for.
    /// </summary>
    public static void AddTo(RootCommand root, params string[] commandNames)
    {
        var definition = new CompletionCommandDefinition();
        definition.Command.SetAction(parsed =>
        {
            var shell = parsed.GetRequiredValue(definition.Shell);
            parsed.InvocationConfiguration.Output.Write(CompletionScripts.For(shell, commandNames));
            return ExitCodes.Success;
        });
        root.Subcommands.Add(definition.Command);
        ClusterNames.AddTo(root);
    }
}
