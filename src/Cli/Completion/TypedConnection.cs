using System.CommandLine;

namespace KafkaDemo.Cli.Completion;

/// <summary>
/// The client properties of a partial command line, for the questions completion asks the
/// cluster: the root's <c>--bootstrap-servers</c>, <c>--config</c> and <c>-X</c> (found by name,
/// so that every program's own declarations serve) with <c>KAFKA_X_*</c>, merged in
/// <see cref="ClientSettings"/>' order.
/// </summary>
internal sealed class TypedConnection(RootCommand root)
{
    private readonly Option<string>? _bootstrapServers = root.Options.OfType<Option<string>>().FirstOrDefault(o => o.Name == "--bootstrap-servers");
    private readonly Option<string?>? _configFile = root.Options.OfType<Option<string?>>().FirstOrDefault(o => o.Name == "--config");
    private readonly Option<KeyValuePair<string, string>[]>? _properties =
        root.Options.OfType<Option<KeyValuePair<string, string>[]>>().FirstOrDefault(o => o.Name == "-X");

    /// <summary>False for a program that takes no <c>--bootstrap-servers</c>: it has no cluster to ask.</summary>
    public bool AsksCluster => _bootstrapServers is not null;

    /// <summary>The properties <paramref name="parsed"/> gives; a <c>--config -</c> (stdin) is skipped: a TAB has no stdin to read.</summary>
    public Dictionary<string, string> Settings(ParseResult parsed)
    {
        var file = _configFile is not null && parsed.GetValue(_configFile) is { } path && path != "-" ? PropertiesFile.Load(path) : [];
        var typed = _properties is null ? [] : parsed.GetValue(_properties) ?? [];
        var servers = _bootstrapServers is null ? [] : new[] { KeyValuePair.Create("bootstrap.servers", parsed.GetRequiredValue(_bootstrapServers)) };
        return ClientSettings.Merge(file, ClientSettings.FromEnvironment(EnvironmentFallback.ProcessVariables()), typed, servers);
    }
}
