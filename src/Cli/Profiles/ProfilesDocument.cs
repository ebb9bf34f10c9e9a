namespace KafkaDemo.Cli.Profiles;

/// <summary>The profiles file: every named cluster, and the one used when a run names none.</summary>
public sealed class ProfilesDocument
{
    /// <summary>The profile <c>config use</c> chose, or null.</summary>
    public string? Current { get; set; }

    /// <summary>The profiles by name.</summary>
    public Dictionary<string, ClusterProfile> Clusters { get; set; } = new(StringComparer.Ordinal);
}
