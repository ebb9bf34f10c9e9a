using System.Diagnostics;

namespace KafkaDemo.UnitTests.Cli.Completion;

// PowerShell is the repository's local .NET tool (.config/dotnet-tools.json; `dotnet tool
// restore` installs it). TabExpansion2 is what PowerShell runs on TAB: it calls the native
// argument completer the script registered.
public class PowerShellCompletionTests
{
    private const string Driver = """
        $ErrorActionPreference = 'Stop'
        KafkaDemo.Producer completion pwsh | Out-String | Invoke-Expression
        KafkaDemo.Consumer completion pwsh | Out-String | Invoke-Expression
        foreach ($line in $env:COMPLETE_LINES -split "`n") {
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object { $_.CompletionText }
            '--'
        }
        """;

    private static readonly Lazy<bool> Restored = new(() =>
    {
        var start = new ProcessStartInfo("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-Command", "exit 0"])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var probe = Process.Start(start)!;
        probe.StandardOutput.ReadToEnd();
        probe.StandardError.ReadToEnd();
        probe.WaitForExit();
        return probe.ExitCode == 0;
    });

    [SkippableFact]
    public async Task The_pwsh_script_completes_options_subcommands_values_and_topics_from_the_program()
    {
        Skip.IfNot(Restored.Value, "PowerShell is not installed: run dotnet tool restore (./build.sh test does)");
        await CompletionShell.AssertCompletesAsync("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-Command", Driver], Repository.Root);
    }
}
