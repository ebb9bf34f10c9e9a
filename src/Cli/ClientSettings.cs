using System.CommandLine;

namespace KafkaDemo.Cli;

/// <summary>
/// Librdkafka properties from the places a user can give them, merged in a fixed order: the
/// <c>--config</c> file, then each <c>-X name=value</c>, then the program's own flags when they were
/// typed (or came from their environment variable). A flag left at its default does not override a file.
/// </summary>
public static class ClientSettings
{
    /// <summary><c>--config FILE</c>: a Java-style client.properties file.</summary>
    public static Option<string?> ConfigFileOption() => new Option<string?>("--config")
    {
        Description = "Java-style client.properties file with librdkafka properties (SASL, TLS, …); -X and flags override it",
        HelpName = "file",
    }.ExistingFileOrStdin();

    /// <summary><c>-X name=value</c>: any librdkafka property, repeatable.</summary>
    public static Option<KeyValuePair<string, string>[]> PropertyOption() =>
        new Option<KeyValuePair<string, string>[]>("-X")
        {
            Description = "Any librdkafka client property as name=value (repeatable), e.g. -X security.protocol=SASL_SSL",
            HelpName = "name=value",
            AllowMultipleArgumentsPerToken = false,
        }.ParsedAsPairs();

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
