using System.Runtime.CompilerServices;

namespace KafkaDemo.BrokerTests;

/// <summary>
/// Points every program these tests start (in-process with the process environment, or as a child
/// process) at an empty config directory, so that cluster profiles in the developer's own
/// ~/.config (a current profile, a KAFKA_CLUSTER in the shell) cannot change what a test runs
/// against. Tests of the profiles set XDG_CONFIG_HOME themselves.
/// </summary>
internal static class ConfigHomeIsolation
{
#pragma warning disable CA2255 // Module initializers are meant for applications; a test assembly is where this one belongs.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void UseAnEmptyConfigHome()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"kafkademo-tests-config-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", directory);
        Environment.SetEnvironmentVariable("KAFKA_CLUSTER", null);
    }
}
