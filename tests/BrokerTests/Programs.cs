using System.Diagnostics;

namespace KafkaDemo.BrokerTests;

/// <summary>
/// How the tests start the real programs as processes: the Native AOT executables of
/// <c>./build.sh publish</c> when <c>KAFKADEMO_TEST_PROGRAMS</c> names their folder (so that what
/// ships is what is tested; <c>./build.sh test</c> does this), otherwise the builds copied beside
/// the tests, through <c>dotnet</c>.
/// </summary>
public static class Programs
{
    public const string Variable = "KAFKADEMO_TEST_PROGRAMS";

    private static readonly Dictionary<string, string> NativeNames = new(StringComparer.Ordinal)
    {
        ["KafkaDemo.Producer"] = "kafkademo-producer",
        ["KafkaDemo.Consumer"] = "kafkademo-consumer",
        ["KafkaDemo.LocalBroker"] = "kafkademo-broker",
    };

    /// <summary>What the tests run, for the line the fixture prints.</summary>
    public static string Description =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder ? $"the native executables in {folder}" : "the builds beside the tests, through dotnet";

    /// <summary>A start for <paramref name="program"/> (<c>KafkaDemo.Consumer</c>, with or without <c>.dll</c>) with <paramref name="arguments"/>, output redirected.</summary>
    public static ProcessStartInfo Start(string program, IEnumerable<string> arguments)
    {
        var name = program.EndsWith(".dll", StringComparison.Ordinal) ? program[..^4] : program;
        ProcessStartInfo start;
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder)
        {
            var executable = Path.GetFullPath(Path.Combine(folder, NativeNames[name]));
            if (!File.Exists(executable))
            {
                throw new InvalidOperationException($"{Variable} is {folder}, but it has no {NativeNames[name]}: run ./build.sh publish");
            }

            start = new ProcessStartInfo(executable);
        }
        else
        {
            start = new ProcessStartInfo("dotnet");
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, name + ".dll"));
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return start;
    }

    /// <summary>The same, with the arguments as one space-separated string (none of ours holds a space).</summary>
    public static ProcessStartInfo Start(string program, string arguments) =>
        Start(program, arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
