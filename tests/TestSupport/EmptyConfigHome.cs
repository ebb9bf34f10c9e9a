namespace KafkaDemo.TestSupport;

/// <summary>
/// Points every program a test assembly starts (in-process with the process environment, or as a
/// child process) at an empty config directory, so that cluster profiles in the developer's own
/// ~/.config (a current profile, a KAFKA_CLUSTER in the shell) cannot change what a test runs
/// against. Each test assembly calls it from its module initializer; tests of the profiles set
/// XDG_CONFIG_HOME themselves.
/// </summary>
public static class EmptyConfigHome
{
    /// <summary>Sets XDG_CONFIG_HOME to an empty folder of this process's and clears KAFKA_CLUSTER.</summary>
    public static void Apply()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"kafkademo-tests-config-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", directory);
        Environment.SetEnvironmentVariable("KAFKA_CLUSTER", null);
    }
}
