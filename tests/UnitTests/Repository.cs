namespace KafkaDemo.UnitTests;

/// <summary>The clone these tests were built from, for the tests that read its files (scripts, docs).</summary>
internal static class Repository
{
    /// <summary>The directory holding KafkaDemo.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
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
