namespace KafkaDemo.Cli.Completion;

/// <summary>
/// The completion scripts, one per shell (kafkademo.bash, .zsh, .fish, .ps1 beside this file,
/// embedded in the program), with the program's command names filled in.
/// </summary>
public static class CompletionScripts
{
    /// <summary>The script for <paramref name="shell"/> (one of <see cref="CompletionCommandDefinition.Shells"/>) completing <paramref name="commandNames"/>.</summary>
    public static string For(string shell, IReadOnlyList<string> commandNames)
    {
        var extension = shell == "pwsh" ? "ps1" : shell;
        using var stream = typeof(CompletionScripts).Assembly.GetManifestResourceStream($"KafkaDemo.Cli.Completion.kafkademo.{extension}")
                           ?? throw new InvalidOperationException($"the {shell} completion script is not embedded in this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Replace("@COMMANDLIST@", string.Join(", ", commandNames.Select(name => $"'{name}'")), StringComparison.Ordinal)
            .Replace("@COMMANDS@", string.Join(' ', commandNames), StringComparison.Ordinal)
            .Replace("@NAME@", commandNames[^1], StringComparison.Ordinal);
    }
}
