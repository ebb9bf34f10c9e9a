using System.CommandLine;

namespace KafkaDemo.Cli;

/// <summary>
/// Gives an option an environment variable to fall back on. System.CommandLine has no such
/// feature, so precedence is built here: the flag, then the variable (an empty one counts as
/// unset), then the built-in default. The description names the variable, so --help tells.
/// </summary>
public static class EnvironmentFallback
{
    /// <summary>Reads the process environment; the default lookup.</summary>
    public static string? Process(string name) => Environment.GetEnvironmentVariable(name);

    /// <summary>Every variable of the process environment.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ProcessVariables() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => KeyValuePair.Create((string)e.Key, (string?)e.Value))
            .ToList();

    /// <summary>Falls back to <paramref name="variable"/>, then to <paramref name="defaultValue"/>.</summary>
    public static Option<string> FallBackTo(
        this Option<string> option, string variable, string defaultValue, Func<string, string?> environment)
    {
        option.Description = $"{option.Description} [env: {variable}]";
        option.DefaultValueFactory = _ => NonEmpty(environment(variable)) ?? defaultValue;
        return option;
    }

    /// <summary>
    /// Falls back to <paramref name="variable"/>, parsed with <paramref name="parse"/> (null when the
    /// text is invalid, which is then reported as a usage error), then to <paramref name="defaultValue"/>.
    /// </summary>
    public static Option<T> FallBackTo<T>(
        this Option<T> option, string variable, T defaultValue, Func<string, string?> environment, Func<string, T?> parse)
    {
        option.Description = $"{option.Description} [env: {variable}]";
        option.DefaultValueFactory = result =>
        {
            var text = NonEmpty(environment(variable));
            if (text is null)
            {
                return defaultValue;
            }

            var value = parse(text);
            if (value is null)
            {
                result.AddError($"Environment variable {variable} has an invalid value '{text}' for option '{option.Name}'.");
                return defaultValue;
            }

            return value;
        };
        return option;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
