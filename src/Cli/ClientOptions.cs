using System.CommandLine;
using KafkaDemo.Cli.Profiles;

namespace KafkaDemo.Cli;

/// <summary>
/// The options through which both programs take client properties (<c>--bootstrap-servers</c>,
/// <c>--config</c>, <c>-X</c>, <c>KAFKA_X_*</c> variables, and the <c>--cluster</c> profile), and the one place where they are
/// merged with the flags that decide a property, in the order <see cref="ClientSettings"/> documents.
/// A command declares each such flag once, through <see cref="Decides"/>; nothing else may set the
/// property from the flag, so a flag the user gave can never lose to a file or <c>-X</c>.
/// </summary>
public sealed class ClientOptions
{
    private readonly IEnumerable<KeyValuePair<string, string?>> _variables;
    private readonly List<FlagProperty> _flags = [];

    /// <summary>The options, with <paramref name="environment"/> for fallbacks and <paramref name="variables"/> for <c>KAFKA_X_*</c>.</summary>
    public ClientOptions(Func<string, string?> environment, IEnumerable<KeyValuePair<string, string?>> variables)
    {
        _variables = variables;
        Profiles = new ClusterProfiles(environment);
        BootstrapServers = ConnectionOptions.BootstrapServers(environment).FallBackToProfile(Profiles, p => p.BootstrapServers, text => text);
        Properties.Description = $"{Properties.Description} [profile]";
        Decides(BootstrapServers, "bootstrap.servers", parsed => parsed.GetRequiredValue(BootstrapServers));
    }

    /// <summary><c>--bootstrap-servers</c> / <c>-b</c> (env <c>KAFKA_BOOTSTRAP_SERVERS</c>).</summary>
    public Option<string> BootstrapServers { get; }

    /// <summary><c>--config FILE</c>.</summary>
    public Option<string?> ConfigFile { get; } = ClientSettings.ConfigFileOption();

    /// <summary><c>-X name=value</c>, repeatable.</summary>
    public Option<KeyValuePair<string, string>[]> Properties { get; } = ClientSettings.PropertyOption();

    /// <summary><c>--cluster</c> and the <c>config</c> subcommand; a program adds them with <see cref="ClusterProfiles.AddTo(System.CommandLine.RootCommand, SchemaRegistryOptions, Option{string}, Option{string}?)"/>.</summary>
    public ClusterProfiles Profiles { get; }

    /// <summary>Every flag declared to decide a client property.</summary>
    public IReadOnlyList<FlagProperty> Flags => _flags;

    /// <summary>Declares that <paramref name="option"/>, when given, sets <paramref name="property"/> to <paramref name="value"/>.</summary>
    public void Decides(Option option, string property, Func<ParseResult, string> value) =>
        _flags.Add(new FlagProperty(option, property, value));

    /// <summary>
    /// The user's client properties: the config file, then the cluster profile's (its properties,
    /// then the declared flags it supplied a value for), then <c>KAFKA_X_*</c>, then <c>-X</c>, then
    /// the declared flags that were given (typed, or set by their environment variable). A flag
    /// left at its default is not given, so it never overrides a file.
    /// </summary>
    public Dictionary<string, string> Merge(ParseResult parsed)
    {
        var file = parsed.GetValue(ConfigFile) is { } path ? PropertiesFile.Load(path) : [];
        var supplied = _flags
            .Where(f => Profiles.Supplies(parsed, f.Option))
            .Select(f => KeyValuePair.Create(f.Property, f.Value(parsed)));
        var given = _flags
            .Where(f => EnvironmentFallback.WasGiven(parsed, f.Option))
            .Select(f => KeyValuePair.Create(f.Property, f.Value(parsed)));
        return ClientSettings.Merge(file, Profiles.Properties(parsed), supplied, ClientSettings.FromEnvironment(_variables), parsed.GetValue(Properties) ?? [], given);
    }
}
