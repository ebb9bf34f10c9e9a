using System.CommandLine;
using KafkaDemo.Cli;

namespace KafkaDemo.UnitTests;

/// <summary>Runs a root command in-process with captured stdout and stderr.</summary>
internal static class CommandLine
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(RootCommand command, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await CommandLineHost.InvokeAsync(command, args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    public static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
