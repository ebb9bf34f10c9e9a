using System.CommandLine;
using KafkaDemo.Cli.Profiles;
using KafkaDemo.Clients;

namespace KafkaDemo.Cli;

/// <summary>
/// The options through which both programs name their schema registry: <c>--schema-registry</c>
/// (env <c>SCHEMA_REGISTRY_URL</c>), <c>--schema-registry-auth</c> (env <c>SCHEMA_REGISTRY_AUTH</c>)
/// and <c>--schema-registry-ca</c> (env <c>SCHEMA_REGISTRY_CA</c>), bound once into
/// <see cref="SchemaRegistrySettings"/>. The password's variable is read at bind time, not as a
/// default, because --help shows defaults and must never show a password.
/// </summary>
public sealed class SchemaRegistryOptions
{
    /// <summary>The variable <c>--schema-registry-auth</c> falls back to.</summary>
    public const string AuthVariable = "SCHEMA_REGISTRY_AUTH";

    private readonly Func<string, string?> _environment;
    private ClusterProfiles? _profiles;

    /// <summary>The options, with <paramref name="environment"/> for their fallbacks.</summary>
    public SchemaRegistryOptions(Func<string, string?> environment)
    {
        _environment = environment;
        Url = new Option<string?>("--schema-registry")
        {
            Description = "Schema registry address(es), http(s)://host:port[,…], for schema-registry framed keys and values",
            HelpName = "url",
        }.FallBackTo("SCHEMA_REGISTRY_URL", environment);

        Auth = new Option<string?>("--schema-registry-auth")
        {
            Description = "user:password for the registry's basic authentication; prefer the variable, which keeps the password out of the process list",
            HelpName = "user:password",
        }.DescribeFallback(AuthVariable, environment);

        CaFile = new Option<string?>("--schema-registry-ca")
        {
            Description = "PEM file of certificate authorities to trust for an https registry",
            HelpName = "file",
        }.FallBackTo("SCHEMA_REGISTRY_CA", environment);

        Auth.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var text }] && !text.Contains(':', StringComparison.Ordinal))
            {
                result.AddError("--schema-registry-auth must be user:password.");
            }
        });
    }

    /// <summary><c>--schema-registry &lt;url&gt;</c>.</summary>
    public Option<string?> Url { get; }

    /// <summary><c>--schema-registry-auth &lt;user:password&gt;</c>.</summary>
    public Option<string?> Auth { get; }

    /// <summary><c>--schema-registry-ca &lt;file&gt;</c>.</summary>
    public Option<string?> CaFile { get; }

    /// <summary>The three options, to add to a command.</summary>
    public IEnumerable<Option> All => [Url, Auth, CaFile];

    /// <summary>
    /// Lets <paramref name="profiles"/> supply the user:password after the flag and the variable;
    /// read at bind time, like the variable, so that --help never shows it.
    /// </summary>
    public void TakeAuthFrom(ClusterProfiles profiles)
    {
        _profiles = profiles;
        Auth.Description = $"{Auth.Description} [profile]";
    }

    /// <summary>The settings given, or null when no registry was named.</summary>
    public SchemaRegistrySettings? Bind(ParseResult parsed)
    {
        if (NonEmpty(parsed.GetValue(Url)) is not { } url)
        {
            return null;
        }

        var fromVariable = EnvironmentFallback.Read(AuthVariable, _environment);
        var auth = NonEmpty(parsed.GetValue(Auth)) ?? fromVariable ?? _profiles?.RegistryAuth(parsed);
        if (auth is not null && !auth.Contains(':', StringComparison.Ordinal))
        {
            throw new UsageException($"{(fromVariable is null ? "the cluster profile's schema registry auth" : AuthVariable)} must be user:password.");
        }

        return new SchemaRegistrySettings(url, auth, NonEmpty(parsed.GetValue(CaFile)));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
