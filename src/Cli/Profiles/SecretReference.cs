namespace KafkaDemo.Cli.Profiles;

/// <summary>
/// A profile value that names where a secret is instead of holding it: <c>env:NAME</c> reads the
/// environment variable NAME when a run starts, <c>file:PATH</c> reads the file at PATH (without
/// its trailing line break). Kept in the profile, such a value is no secret, so the profiles file
/// can be shared or backed up without the passwords.
/// </summary>
public static class SecretReference
{
    /// <summary>The prefix of a reference to an environment variable.</summary>
    public const string EnvironmentPrefix = "env:";

    /// <summary>The prefix of a reference to a file.</summary>
    public const string FilePrefix = "file:";

    /// <summary>True when <paramref name="value"/> is a reference rather than a value.</summary>
    public static bool IsReference(string value) =>
        value.StartsWith(EnvironmentPrefix, StringComparison.Ordinal) || value.StartsWith(FilePrefix, StringComparison.Ordinal);

    /// <summary>
    /// <paramref name="value"/>, or what it refers to; <paramref name="what"/> names it in an error,
    /// which never quotes the secret.
    /// </summary>
    /// <exception cref="UsageException">The variable is unset or empty, or the file cannot be read.</exception>
    public static string Resolve(string value, string what, Func<string, string?> environment)
    {
        if (value.StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
        {
            var name = value[EnvironmentPrefix.Length..];
            return EnvironmentFallback.Read(name, environment)
                ?? throw new UsageException($"{what} refers to environment variable {name}, which is not set.");
        }

        if (value.StartsWith(FilePrefix, StringComparison.Ordinal))
        {
            var path = value[FilePrefix.Length..];
            try
            {
                return File.ReadAllText(path).TrimEnd('\r', '\n');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new UsageException($"{what} refers to file '{path}', which cannot be read: {ex.Message}");
            }
        }

        return value;
    }
}
