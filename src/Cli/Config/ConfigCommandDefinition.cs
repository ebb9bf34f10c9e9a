using System.CommandLine;
using System.Text.RegularExpressions;

namespace KafkaDemo.Cli.Config;

/// <summary>
/// <c>config</c>: the named cluster profiles, the same in every program: <c>list</c>,
/// <c>show [name]</c>, <c>add &lt;name&gt; -b &lt;servers&gt; …</c>, <c>remove &lt;name&gt;</c> and
/// <c>use &lt;name&gt;</c>. Its options are its own, not the program's (which fall back to
/// variables and profiles): what <c>add</c> stores is exactly what was typed.
/// <see cref="ConfigCommand"/> runs them.
/// </summary>
public sealed partial class ConfigCommandDefinition
{
    /// <summary>The subcommands; <paramref name="path"/> is where the profiles are kept, for --help.</summary>
    public ConfigCommandDefinition(string? path)
    {
        Command = new Command("config", $"Named cluster profiles (brokers, client properties, schema registry, topic, group), kept in {path ?? "the config directory (none found: set XDG_CONFIG_HOME or HOME)"}; a run takes one with --cluster <name>")
        {
            List, Show, Add, Remove, Use,
        };
        Show.Arguments.Add(ShowName);
        Add.Arguments.Add(AddName);
        foreach (var option in new Option[] { BootstrapServers, Properties, Topic, Group, RegistryUrl, RegistryAuth, RegistryCa })
        {
            Add.Options.Add(option);
        }

        Remove.Arguments.Add(RemoveName);
        Use.Arguments.Add(UseName);
        Use.Options.Add(None);
        Use.Validators.Add(result =>
        {
            if ((result.GetResult(UseName) is not null) == result.GetValue(None))
            {
                result.AddError("config use takes a profile name, or --none.");
            }
        });
        AddName.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var name }] && !NamePattern().IsMatch(name))
            {
                result.AddError($"'{name}' is not a profile name: use letters, digits, '.', '_' and '-', at most 64, starting with a letter or digit.");
            }
        });
    }

    /// <summary><c>config</c>.</summary>
    public Command Command { get; }

    /// <summary><c>config list</c>.</summary>
    public Command List { get; } = new("list", "The profiles, the current one marked *, with their brokers");

    /// <summary><c>config show [name]</c>.</summary>
    public Command Show { get; } = new("show", "One profile in full, secrets masked");

    public Argument<string?> ShowName { get; } = new("name") { Description = "The profile (default: the current one)", Arity = ArgumentArity.ZeroOrOne };

    /// <summary><c>config add &lt;name&gt;</c>.</summary>
    public Command Add { get; } = new("add", "Adds a profile, or replaces the one of that name; a secret may be written env:NAME (read from that variable at run time) or file:PATH (read from that file) instead of the value");

    public Argument<string> AddName { get; } = new("name") { Description = "The profile's name" };

    public Option<string> BootstrapServers { get; } = new Option<string>("--bootstrap-servers", "-b")
    {
        Description = "The cluster's brokers, host:port[,host:port…]",
        HelpName = "hosts",
        Required = true,
    }.NotBlank();

    public Option<KeyValuePair<string, string>[]> Properties { get; } = new Option<KeyValuePair<string, string>[]>("-X")
    {
        Description = "A librdkafka client property as name=value (repeatable), e.g. -X security.protocol=SASL_SSL -X sasl.password=env:KAFKA_PASSWORD",
        HelpName = "name=value",
        AllowMultipleArgumentsPerToken = false,
    }.ParsedAsPairs();

    public Option<string?> Topic { get; } = new("--topic", "-t") { Description = "The topic a run uses when none is given", HelpName = "name" };

    public Option<string?> Group { get; } = new("--group-id", "-g") { Description = "The consumer group a run uses when none is given", HelpName = "id" };

    public Option<string?> RegistryUrl { get; } = new("--schema-registry") { Description = "The cluster's schema registry, http(s)://host:port[,…]", HelpName = "url" };

    public Option<string?> RegistryAuth { get; } = new("--schema-registry-auth")
    {
        Description = "The registry's user:password, or env:NAME or file:PATH holding it",
        HelpName = "user:password",
    };

    public Option<string?> RegistryCa { get; } = new("--schema-registry-ca") { Description = "PEM file of certificate authorities to trust for an https registry", HelpName = "file" };

    /// <summary><c>config remove &lt;name&gt;</c>.</summary>
    public Command Remove { get; } = new("remove", "Removes a profile");

    public Argument<string> RemoveName { get; } = new("name") { Description = "The profile to remove" };

    /// <summary><c>config use &lt;name&gt;</c>.</summary>
    public Command Use { get; } = new("use", "Makes a profile current: runs without --cluster or KAFKA_CLUSTER take it");

    public Argument<string?> UseName { get; } = new("name") { Description = "The profile", Arity = ArgumentArity.ZeroOrOne };

    public Option<bool> None { get; } = new("--none") { Description = "Make no profile current" };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();
}
