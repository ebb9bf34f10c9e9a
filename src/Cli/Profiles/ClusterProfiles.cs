using System.CommandLine;
using System.CommandLine.Parsing;
using KafkaDemo.Cli.Config;

namespace KafkaDemo.Cli.Profiles;

/// <summary>
/// A program's named cluster profiles: <c>--cluster</c> (env <c>KAFKA_CLUSTER</c>, else the file's
/// current profile) picks one, whose values then stand between an option's environment variable
/// and its default (see <see cref="EnvironmentFallback.FallBackToProfile"/>), and whose client
/// properties stand between the <c>--config</c> file and <c>KAFKA_X_*</c> (see
/// <see cref="ClientOptions.Merge"/>). Also carries the <c>config</c> subcommand that edits them.
/// </summary>
public sealed class ClusterProfiles
{
    /// <summary>The variable <c>--cluster</c> falls back to.</summary>
    public const string Variable = "KAFKA_CLUSTER";

    private readonly Func<string, string?> _environment;
    private readonly Dictionary<Option, Func<ClusterProfile, string?>> _fields = [];
    private bool _warned;

    /// <summary>The profiles in the config directory <paramref name="environment"/> points at.</summary>
    public ClusterProfiles(Func<string, string?> environment)
    {
        _environment = environment;
        Store = ProfileStore.Locate(environment);
        Config = new ConfigCommandDefinition(Store.Path);
        ConfigCommand.SetActions(Config, Store);
        Cluster = new Option<string?>("--cluster")
        {
            Description = "Cluster profile to take the options marked [profile] from (brokers, client properties, registry, topic, group); see the config subcommand",
            HelpName = "name",
            Recursive = true,
        }.FallBackTo(Variable, environment);

        // Checked here, once, whichever options the run leaves to the profile; `config` itself
        // needs no profile, so a wrong KAFKA_CLUSTER does not stop anyone from mending the file.
        Cluster.Validators.Add(result =>
        {
            if (!InConfig(result))
            {
                try
                {
                    Choose(result.GetValueOrDefault<string?>());
                }
                catch (UsageException ex)
                {
                    result.AddError(ex.Message);
                }
            }
        });
    }

    /// <summary><c>--cluster &lt;name&gt;</c>.</summary>
    public Option<string?> Cluster { get; }

    /// <summary>The file the profiles are kept in.</summary>
    public ProfileStore Store { get; }

    /// <summary>The <c>config</c> subcommand.</summary>
    public ConfigCommandDefinition Config { get; }

    /// <summary>Adds <c>--cluster</c> and <c>config</c> to a program whose topic option is a single name.</summary>
    public void AddTo(RootCommand root, SchemaRegistryOptions registry, Option<string> topic, Option<string>? group = null)
    {
        topic.FallBackToProfile(this, p => p.Topic, text => text);
        AddTo(root, registry, group);
    }

    /// <summary>Adds <c>--cluster</c> and <c>config</c> to a program that reads several topics (a comma-separated profile topic).</summary>
    public void AddTo(RootCommand root, SchemaRegistryOptions registry, Option<string[]> topics, Option<string>? group = null)
    {
        topics.FallBackToProfile(this, p => p.Topic, text => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        AddTo(root, registry, group);
    }

    /// <summary>The chosen profile's client properties, each reference read; warns once about a file others can read.</summary>
    /// <exception cref="UsageException">A referenced variable is unset or a referenced file unreadable.</exception>
    public IReadOnlyList<KeyValuePair<string, string>> Properties(ParseResult parsed)
    {
        if (Chosen(parsed) is not (var name, var profile))
        {
            return [];
        }

        Warn(parsed.InvocationConfiguration.Error);
        return [.. profile.Properties.Select(p => KeyValuePair.Create(p.Key, SecretReference.Resolve(p.Value, $"cluster profile '{name}': {p.Key}", _environment)))];
    }

    /// <summary>The chosen profile's registry user:password, its reference read; null when it has none.</summary>
    public string? RegistryAuth(ParseResult parsed) =>
        Chosen(parsed) is (var name, var profile) && profile.SchemaRegistry?.Auth is { Length: > 0 } auth
            ? SecretReference.Resolve(auth, $"cluster profile '{name}': schema registry auth", _environment)
            : null;

    /// <summary>True when <paramref name="option"/> was not given and the chosen profile supplied its value.</summary>
    public bool Supplies(ParseResult parsed, Option option) =>
        !EnvironmentFallback.WasGiven(parsed, option)
        && _fields.TryGetValue(option, out var field)
        && Chosen(parsed) is (_, var profile)
        && !string.IsNullOrWhiteSpace(field(profile));

    /// <summary>The profile a parse chose: <c>--cluster</c>, else <c>KAFKA_CLUSTER</c>, else the current one; null for none.</summary>
    /// <exception cref="UsageException">The name is not in the file, or the file cannot be read.</exception>
    public (string Name, ClusterProfile Profile)? Chosen(ParseResult parsed) => Choose(parsed.GetValue(Cluster));

    /// <summary>Records that <paramref name="option"/> takes <paramref name="field"/> of the chosen profile.</summary>
    internal void Register(Option option, Func<ClusterProfile, string?> field) => _fields[option] = field;

    /// <summary>
    /// The chosen profile, for an option's default; null when there is none or when the choice is
    /// wrong, which the validator of <see cref="Cluster"/> reports.
    /// </summary>
    internal ClusterProfile? Active(SymbolResult result)
    {
        if (InConfig(result))
        {
            return null;
        }

        try
        {
            // Another option's default cannot count on --cluster's own default (the variable)
            // having been computed yet: only what was typed is there, so the variable is read here.
            return Choose(result.GetValue(Cluster) ?? EnvironmentFallback.Read(Variable, _environment))?.Profile;
        }
        catch (UsageException)
        {
            return null;
        }
    }

    private void AddTo(RootCommand root, SchemaRegistryOptions registry, Option<string>? group)
    {
        group?.FallBackToProfile(this, p => p.Group, text => text);
        registry.Url.FallBackToProfile(this, p => p.SchemaRegistry?.Url, text => text);
        registry.CaFile.FallBackToProfile(this, p => p.SchemaRegistry?.Ca, text => text);
        registry.TakeAuthFrom(this);
        root.Options.Add(Cluster);
        root.Subcommands.Add(Config.Command);
    }

    private (string Name, ClusterProfile Profile)? Choose(string? named)
    {
        var document = Store.Load();
        var name = named ?? document.Current;
        if (name is null)
        {
            return null;
        }

        if (document.Clusters.TryGetValue(name, out var profile))
        {
            return (name, profile);
        }

        var where = Store.Path is { } path ? $"in {path}" : "(no config directory: set XDG_CONFIG_HOME or HOME)";
        throw new UsageException(named is null
            ? $"the current cluster profile '{name}' is not {where}; choose another with: config use <name>"
            : $"no cluster profile named '{name}' {where}; config list shows them");
    }

    private void Warn(TextWriter error)
    {
        if (!_warned && Store.PermissionWarning(Store.Load()) is { } line)
        {
            error.WriteLine(line);
        }

        _warned = true;
    }

    private bool InConfig(SymbolResult result) => result.GetResult(Config.Command) is not null;
}
