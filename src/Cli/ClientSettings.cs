using System.CommandLine;

namespace KafkaDemo.Cli;

/// <summary>
/// Librdkafka properties from the places a user can give them, merged in a fixed order: the
/// <c>--config</c> file, then the <c>--cluster</c> profile's, then <c>KAFKA_X_*</c> environment variables, then each <c>-X name=value</c>,
/// then the program's own flags when they were typed (or came from their environment variable).
/// A flag left at its default does not override a file.
/// </summary>
public static class ClientSettings
{
    /// <summary><c>--config FILE</c>: a Java-style client.properties file.</summary>
    public static Option<string?> ConfigFileOption() => new Option<string?>("--config")
    {
        Description = "Java-style client.properties file with librdkafka properties (SASL, TLS, …); a --cluster profile, KAFKA_X_* variables, -X and flags override it",
        HelpName = "file",
    }.ExistingFileOrStdin();

    /// <summary><c>-X name=value</c>: any librdkafka property, repeatable.</summary>
    public static Option<KeyValuePair<string, string>[]> PropertyOption() =>
        new Option<KeyValuePair<string, string>[]>("-X")
        {
            Description = "Any librdkafka client property as name=value (repeatable), e.g. -X security.protocol=SASL_SSL [env: KAFKA_X_<NAME>, e.g. KAFKA_X_SASL_PASSWORD]",
            HelpName = "name=value",
            AllowMultipleArgumentsPerToken = false,
        }.ParsedAsPairs();

    /// <summary>Prefix of the environment variables that set client properties, like <c>-X</c> does.</summary>
    public const string EnvironmentPrefix = "KAFKA_X_";

    /// <summary>
    /// The client properties set by <c>KAFKA_X_&lt;NAME&gt;</c> variables: the name after the prefix in
    /// lower case with each <c>_</c> read as <c>.</c> (<c>KAFKA_X_SASL_PASSWORD</c> sets
    /// <c>sasl.password</c>). Empty variables count as unset. Keeps secrets off the command line,
    /// where other users of the machine could read them in the process list.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> FromEnvironment(IEnumerable<KeyValuePair<string, string?>> variables) =>
        variables
            .Where(v => v.Key.Length > EnvironmentPrefix.Length && v.Key.StartsWith(EnvironmentPrefix, StringComparison.Ordinal) && !string.IsNullOrEmpty(v.Value))
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => KeyValuePair.Create(v.Key[EnvironmentPrefix.Length..].ToLowerInvariant().Replace('_', '.'), v.Value!))
            .ToList();

    /// <summary>True when the user set <paramref name="option"/> on the command line.</summary>
    public static bool WasTyped(ParseResult parsed, Option option) =>
        parsed.GetResult(option) is { Implicit: false };

    /// <summary>Merges the layers, later ones winning, property names compared as librdkafka does (exactly).</summary>
    public static Dictionary<string, string> Merge(params IEnumerable<KeyValuePair<string, string>>[] layers)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            foreach (var (name, value) in layer)
            {
                merged[name] = value;
            }
        }

        return merged;
    }
}
