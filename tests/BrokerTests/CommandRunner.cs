using System.CommandLine;
using KafkaDemo.Cli;

namespace KafkaDemo.BrokerTests;

/// <summary>Runs a program's root command in-process, with no environment fallbacks, capturing stdout and stderr.</summary>
public static class CommandRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(RootCommand command, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await CommandLineHost.InvokeAsync(command, args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
