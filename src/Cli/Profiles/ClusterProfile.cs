namespace KafkaDemo.Cli.Profiles;

/// <summary>
/// One named cluster in the profiles file: where it is, how to talk to it, and the topic and group
/// a run uses there when none is given. A value of <see cref="Properties"/> or of the registry's
/// auth may be a <see cref="SecretReference"/> instead of the secret itself.
/// </summary>
public sealed class ClusterProfile
{
    /// <summary><c>bootstrap.servers</c>: host:port[,host:port…].</summary>
    public string? BootstrapServers { get; set; }

    /// <summary>Client properties (SASL, TLS, …), as <c>-X</c> takes them.</summary>
    public Dictionary<string, string> Properties { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The schema registry of this cluster, if any.</summary>
    public SchemaRegistryProfile? SchemaRegistry { get; set; }

    /// <summary>The topic a run uses when <c>--topic</c> is not given.</summary>
    public string? Topic { get; set; }

    /// <summary>The consumer group a run uses when <c>--group-id</c> is not given.</summary>
    public string? Group { get; set; }
}
