using System.CommandLine;
using KafkaDemo.Cli.Profiles;

namespace KafkaDemo.Cli.Config;

/// <summary>
/// The actions of <see cref="ConfigCommandDefinition"/>: what the profiles are (stdout), and what
/// changed in the file (stdout); a warning about the file's permissions goes to stderr. A name that
/// is not in the file is a usage error, one line, exit 2.
/// </summary>
public static class ConfigCommand
{
    /// <summary>Gives each subcommand of <paramref name="definition"/> its action on <paramref name="store"/>.</summary>
    public static void SetActions(ConfigCommandDefinition definition, ProfileStore store)
    {
        definition.List.SetAction(parsed => List(store, parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        definition.Show.SetAction(parsed => Show(store, parsed.GetValue(definition.ShowName), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        definition.Add.SetAction(parsed => Add(store, parsed.GetRequiredValue(definition.AddName), ProfileFrom(definition, parsed), parsed.InvocationConfiguration.Output));
        definition.Remove.SetAction(parsed => Remove(store, parsed.GetRequiredValue(definition.RemoveName), parsed.InvocationConfiguration.Output));
        definition.Use.SetAction(parsed => Use(store, parsed.GetValue(definition.UseName), parsed.InvocationConfiguration.Output));
    }

    private static int List(ProfileStore store, TextWriter output, TextWriter error)
    {
        var document = Load(store, error);
        if (document.Clusters.Count == 0)
        {
            error.WriteLine($"No cluster profiles in {store.Path}; add one with: config add <name> -b <servers>");
            return ExitCodes.Success;
        }

        var rows = document.Clusters.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new[] { c.Key == document.Current ? "*" : "", c.Key, c.Value.BootstrapServers ?? "", c.Value.Topic ?? "", c.Value.Group ?? "", c.Value.SchemaRegistry?.Url ?? "" });
        foreach (var line in TextTable.Render(["CURRENT", "NAME", "BOOTSTRAP SERVERS", "TOPIC", "GROUP", "SCHEMA REGISTRY"], rows))
        {
            output.WriteLine(line);
        }

        if (document.Current is null)
        {
            output.WriteLine("No profile is current: a run without --cluster or KAFKA_CLUSTER uses none.");
        }

        return ExitCodes.Success;
    }

    private static int Show(ProfileStore store, string? name, TextWriter output, TextWriter error)
    {
        var document = Load(store, error);
        name ??= document.Current ?? throw new UsageException("no profile is current: name one, config show <name>.");
        var profile = Find(store, document, name);
        output.WriteLine($"name: {name}{(name == document.Current ? " (current)" : "")}");
        output.WriteLine($"file: {store.Path}");
        foreach (var (label, value) in ProfileDescription.Lines(profile))
        {
            output.WriteLine($"{label}: {value}");
        }

        return ExitCodes.Success;
    }

    private static int Add(ProfileStore store, string name, ClusterProfile profile, TextWriter output)
    {
        var document = store.Load();
        var replaced = document.Clusters.ContainsKey(name);
        document.Clusters[name] = profile;
        store.Save(document);
        output.WriteLine($"{(replaced ? "Replaced" : "Added")} cluster profile '{name}' in {store.Path}; use it with --cluster {name}, or make it current with: config use {name}");
        return ExitCodes.Success;
    }

    private static int Remove(ProfileStore store, string name, TextWriter output)
    {
        var document = store.Load();
        Find(store, document, name);
        document.Clusters.Remove(name);
        var wasCurrent = document.Current == name;
        if (wasCurrent)
        {
            document.Current = null;
        }

        store.Save(document);
        output.WriteLine($"Removed cluster profile '{name}'{(wasCurrent ? "; it was current, so now no profile is" : "")}.");
        return ExitCodes.Success;
    }

    private static int Use(ProfileStore store, string? name, TextWriter output)
    {
        var document = store.Load();
        if (name is not null)
        {
            Find(store, document, name);
        }

        document.Current = name;
        store.Save(document);
        output.WriteLine(name is null
            ? "No profile is current now: a run without --cluster or KAFKA_CLUSTER uses none."
            : $"Cluster profile '{name}' is current: a run without --cluster or KAFKA_CLUSTER uses it.");
        return ExitCodes.Success;
    }

    private static ClusterProfile ProfileFrom(ConfigCommandDefinition d, ParseResult parsed)
    {
        var registry = new SchemaRegistryProfile { Url = parsed.GetValue(d.RegistryUrl), Auth = parsed.GetValue(d.RegistryAuth), Ca = parsed.GetValue(d.RegistryCa) };
        return new ClusterProfile
        {
            BootstrapServers = parsed.GetRequiredValue(d.BootstrapServers).Trim(),
            Properties = ClientSettings.Merge(parsed.GetValue(d.Properties) ?? []),
            Topic = parsed.GetValue(d.Topic),
            Group = parsed.GetValue(d.Group),
            SchemaRegistry = registry is { Url: null, Auth: null, Ca: null } ? null : registry,
        };
    }

    private static ProfilesDocument Load(ProfileStore store, TextWriter error)
    {
        var document = store.Load();
        if (store.PermissionWarning(document) is { } warning)
        {
            error.WriteLine(warning);
        }

        return document;
    }

    private static ClusterProfile Find(ProfileStore store, ProfilesDocument document, string name) =>
        document.Clusters.TryGetValue(name, out var profile)
            ? profile
            : throw new UsageException($"no cluster profile named '{name}' in {store.Path}; config list shows them");
}
