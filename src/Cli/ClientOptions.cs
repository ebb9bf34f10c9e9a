using System.CommandLine;

namespace KafkaDemo.Cli;

/// <summary>
/// The options through which both programs take client properties (<c>--bootstrap-servers</c>,
/// <c>--config</c>, <c>-X</c>, and <c>KAFKA_X_*</c> variables), and the one place where they are
/// merged with a command's own typed flags, in the order <see cref="ClientSettings"/> documents.
/// </summary>
public sealed class ClientOptions
{
    private readonly Func<string, string?> _environment;
    private readonly IEnumerable<KeyValuePair<string, string?>> _variables;

    /// <summary>The options, with <paramref name="environment"/> for fallbacks and <paramref name="variables"/> for <c>KAFKA_X_*</c>.</summary>
    public ClientOptions(Func<string, string?> environment, IEnumerable<KeyValuePair<string, string?>> variables)
    {
        _environment = environment;
        _variables = variables;
        BootstrapServers = ConnectionOptions.BootstrapServers(environment);
    }

    /// <summary><c>--bootstrap-servers</c> / <c>-b</c> (env <c>KAFKA_BOOTSTRAP_SERVERS</c>).</summary>
    public Option<string> BootstrapServers { get; }

    /// <summary><c>--config FILE</c>.</summary>
    public Option<string?> ConfigFile { get; } = ClientSettings.ConfigFileOption();

    /// <summary><c>-X name=value</c>, repeatable.</summary>
    public Option<KeyValuePair<string, string>[]> Properties { get; } = ClientSettings.PropertyOption();

    /// <summary>
    /// The user's client properties: the config file, then <c>KAFKA_X_*</c>, then <c>-X</c>, then
    /// the typed flags. Of <paramref name="flags"/>, only those the user typed count, so a flag
    /// left at its default never overrides a file; the address counts when typed or set by its
    /// environment variable.
    /// </summary>
    public Dictionary<string, string> Merge(ParseResult parsed, params (Option Option, string Property, Func<string> Value)[] flags)
    {
        var file = parsed.GetValue(ConfigFile) is { } path ? PropertiesFile.Load(path) : [];
        var typed = new List<KeyValuePair<string, string>>();
        if (ClientSettings.WasTyped(parsed, BootstrapServers) || !string.IsNullOrWhiteSpace(_environment("KAFKA_BOOTSTRAP_SERVERS")))
        {
            typed.Add(KeyValuePair.Create("bootstrap.servers", parsed.GetRequiredValue(BootstrapServers)));
        }

        typed.AddRange(flags.Where(f => ClientSettings.WasTyped(parsed, f.Option)).Select(f => KeyValuePair.Create(f.Property, f.Value())));
        return ClientSettings.Merge(file, ClientSettings.FromEnvironment(_variables), parsed.GetValue(Properties) ?? [], typed);
    }
}
