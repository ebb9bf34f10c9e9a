namespace KafkaDemo.Cli.Profiles;

/// <summary>A cluster profile's schema registry, as <c>--schema-registry</c>, <c>-auth</c> and <c>-ca</c> take it.</summary>
public sealed class SchemaRegistryProfile
{
    /// <summary>http(s)://host:port[,…].</summary>
    public string? Url { get; set; }

    /// <summary>user:password, or a <see cref="SecretReference"/> to it.</summary>
    public string? Auth { get; set; }

    /// <summary>PEM file of certificate authorities to trust.</summary>
    public string? Ca { get; set; }
}
