namespace KafkaDemo.UnitTests.Cli.Profiles;

/// <summary>A temporary XDG_CONFIG_HOME, so that no test reads or writes the real home's profiles.</summary>
internal sealed class ProfileHome : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), $"kafkademo-profiles-{Guid.NewGuid():N}");

    public string File => Path.Combine(Directory, "kafkademo", "profiles.json");

    /// <summary>An environment with XDG_CONFIG_HOME here and <paramref name="variables"/>; nothing else is set.</summary>
    public Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        CommandLine.Environment([("XDG_CONFIG_HOME", Directory), .. variables]);

    public void Write(string json)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        System.IO.File.WriteAllText(File, json);
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
