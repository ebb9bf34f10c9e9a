using System.CommandLine;
using System.CommandLine.Parsing;
using System.Runtime.CompilerServices;
using KafkaDemo.Cli.Profiles;

namespace KafkaDemo.Cli;

/// <summary>
/// Gives an option an environment variable to fall back on. System.CommandLine has no such
/// feature, so precedence is built here, once: the flag, then the variable (an empty one counts as
/// unset), then the chosen cluster profile's value (<see cref="FallBackToProfile"/>), then the
/// built-in default; client properties from the <c>--config</c> file come after the profile's (see
/// <see cref="ClientOptions.Merge"/>). The description names the variable and marks the profile
/// step, so --help tells.
/// Whether an option was given (typed, or set through its variable) is asked here too, through
/// <see cref="WasGiven(ParseResult, Option)"/>, so every command applies the same rule.
/// </summary>
public static class EnvironmentFallback
{
    /// <summary>The rule, for the description of every command whose options fall back to variables.</summary>
    public const string Rule = "An option takes the flag, else its variable where marked [env: NAME] (an empty one counts as unset), else, where marked [profile], the cluster profile's value (the profile named by --cluster, else by KAFKA_CLUSTER, else the current one: config use), else what --config sets, else its default.";

    // Each option's "is my variable set" check, kept with the option (whose lifetime it shares) so
    // that callers ask about the option alone and cannot name the wrong variable.
    private static readonly ConditionalWeakTable<Option, Func<bool>> s_variableSet = [];

    /// <summary>True when the user typed <paramref name="option"/> or set the variable it falls back to.</summary>
    public static bool WasGiven(ParseResult parsed, Option option) =>
        parsed.GetResult(option) is { Implicit: false } || VariableSet(option);

    /// <summary>As <see cref="WasGiven(ParseResult, Option)"/>, for validators, which see a command's result.</summary>
    public static bool WasGiven(CommandResult result, Option option) =>
        result.GetResult(option) is { Implicit: false } || VariableSet(option);

    /// <summary>
    /// Names <paramref name="variable"/> in <paramref name="option"/>'s description and lets
    /// <see cref="WasGiven(ParseResult, Option)"/> count it; for options whose default reads the
    /// variable itself.
    /// </summary>
    public static TOption DescribeFallback<TOption>(this TOption option, string variable, Func<string, string?> environment)
        where TOption : Option
    {
        option.Description = $"{option.Description} [env: {variable}]";
        s_variableSet.AddOrUpdate(option, () => NonEmpty(environment(variable)) is not null);
        return option;
    }

    /// <summary>Reads the process environment; the default lookup.</summary>
    public static string? Process(string name) => Environment.GetEnvironmentVariable(name);

    /// <summary>Every variable of the process environment.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ProcessVariables() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => KeyValuePair.Create((string)e.Key, (string?)e.Value))
            .ToList();

    /// <summary>Falls back to <paramref name="variable"/>, then to nothing (null): for options with no default.</summary>
    public static Option<string?> FallBackTo(this Option<string?> option, string variable, Func<string, string?> environment)
    {
        option.DescribeFallback(variable, environment);
        option.DefaultValueFactory = _ => Read(variable, environment);
        return option;
    }

    /// <summary>
    /// <paramref name="variable"/>'s value, or null when it is unset or blank; for a value that must be
    /// read at bind time rather than shown as a default in --help (a password).
    /// </summary>
    public static string? Read(string variable, Func<string, string?> environment) => NonEmpty(environment(variable));

    /// <summary>Falls back to <paramref name="variable"/>, then to <paramref name="defaultValue"/>.</summary>
    public static Option<string> FallBackTo(
        this Option<string> option, string variable, string defaultValue, Func<string, string?> environment)
    {
        option.DescribeFallback(variable, environment);
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
        option.DescribeFallback(variable, environment);
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

    /// <summary>
    /// Puts <paramref name="field"/> of the chosen cluster profile between <paramref name="option"/>'s
    /// variable and its default, parsed with <paramref name="parse"/>; marks the description [profile].
    /// Call it after the option's own fallback is set.
    /// </summary>
    public static Option<T> FallBackToProfile<T>(
        this Option<T> option, ClusterProfiles profiles, Func<ClusterProfile, string?> field, Func<string, T> parse)
    {
        var next = option.DefaultValueFactory;
        option.Description = $"{option.Description} [profile]";
        profiles.Register(option, field);
        option.DefaultValueFactory = result =>
            !VariableSet(option) && profiles.Active(result) is { } profile && NonEmpty(field(profile)) is { } text
                ? parse(text.Trim())
                : next is null ? default! : next(result);
        return option;
    }

    private static bool VariableSet(Option option) => s_variableSet.TryGetValue(option, out var isSet) && isSet();

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
