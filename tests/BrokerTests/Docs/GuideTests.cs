using Xunit.Abstractions;

namespace KafkaDemo.BrokerTests.Docs;

/// <summary>
/// Every guide in docs/ followed literally, command by command, against the embedded broker the
/// guide itself starts (GuideScript says how a guide marks what a step promises). Steps that need a
/// real Kafka or Docker are listed as not run, by name, on stderr and in the test's output.
/// </summary>
public sealed class GuideTests(ITestOutputHelper output)
{
    public static TheoryData<string> Guides() => new("docs/consumer-groups.md", "docs/delivery-semantics.md", "docs/exactly-once-into-a-database.md", "docs/partitions-and-keys.md", "docs/troubleshooting.md", "docs/finding-messages.md");

    [Theory]
    [MemberData(nameof(Guides))]
    public async Task Every_step_of_the_guide_does_what_the_guide_says(string guide)
    {
        var run = await GuideRunner.RunAsync(Repository, guide);

        output.WriteLine(run.ToString());
        foreach (var step in run.NotRun)
        {
            Console.Error.WriteLine($"GuideTests: {guide}: not run: {step}");
        }

        Assert.True(run.Failure is null, run.Failure);
        Assert.NotEmpty(run.Ran);
    }

    private static string Repository { get; } = FindRepository();

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KafkaDemo.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("KafkaDemo.sln not found above " + AppContext.BaseDirectory);
    }
}
