using System.Diagnostics;

namespace KafkaDemo.BrokerTests;

/// <summary>
/// The NuGet tool packages of <c>./build.sh pack</c>, installed as a user would and run: the folder
/// is named by <c>KAFKADEMO_TEST_PACKAGES</c>, which <c>./build.sh test</c> sets after packing.
/// ToolPackageInstall.sh (beside this file) does the work; this checks what it reports.
/// </summary>
public class ToolPackageTests
{
    public const string Variable = "KAFKADEMO_TEST_PACKAGES";

    [SkippableFact]
    public async Task The_packages_install_from_their_folder_into_an_empty_tool_path_and_run_the_demo()
    {
        var packages = Environment.GetEnvironmentVariable(Variable);
        Skip.If(string.IsNullOrEmpty(packages), $"{Variable} is not set: run ./build.sh pack and set it to artifacts/packages (./build.sh test does both)");

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ToolPackageInstall.sh"));
        start.ArgumentList.Add(packages!);
        start.Environment.Remove("KAFKA_BOOTSTRAP_SERVERS");
        using var script = Process.Start(start)!;
        script.StandardInput.Close();
        var output = script.StandardOutput.ReadToEndAsync();
        var error = script.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await script.WaitForExitAsync(timeout.Token);

        Assert.True(script.ExitCode == 0, $"ToolPackageInstall.sh exited {script.ExitCode}: {await error}");
        var report = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        Assert.Equal(
            [$"installed: kafkademo-broker.{rid}", $"installed: kafkademo-producer.{rid}", $"installed: kafkademo-consumer.{rid}",
             "delivered: 9", "shown: 9"],
            report.Take(5));
        Assert.Matches(@"^stored: Notes in sqlite:.* \(9\):$", report[5]);
        Assert.Equal("dnx delivered: 3", report[6]);
    }
}
