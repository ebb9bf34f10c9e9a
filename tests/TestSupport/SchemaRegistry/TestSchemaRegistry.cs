namespace KafkaDemo.TestSupport.SchemaRegistry;

/// <summary>
/// The schema registry a test talks to, in this order: the one at <c>SCHEMA_REGISTRY_URL</c> when
/// that is set (an empty variable counts as unset); a Confluent Schema Registry in a container next
/// to the tests' Kafka container, when the broker tests run against one (they pass its address);
/// otherwise an <see cref="InProcessSchemaRegistry"/> started for the test.
/// </summary>
public sealed class TestSchemaRegistry : IAsyncDisposable
{
    private TestSchemaRegistry(SchemaRegistryKind kind, string url, InProcessSchemaRegistry? inProcess)
    {
        Kind = kind;
        Url = url;
        InProcess = inProcess;
    }

    /// <summary>Where the registry comes from.</summary>
    public SchemaRegistryKind Kind { get; }

    /// <summary>The registry's base address.</summary>
    public string Url { get; }

    /// <summary>The in-process registry, or null when another was picked.</summary>
    public InProcessSchemaRegistry? InProcess { get; }

    /// <summary>
    /// Picks and, when in-process, starts the registry; <paramref name="environment"/> reads a
    /// variable; <paramref name="containerUrl"/> is the address of a registry container started
    /// beside the tests' Kafka container, or null when there is none.
    /// </summary>
    public static TestSchemaRegistry Start(Func<string, string?> environment, string? containerUrl = null)
    {
        if (environment("SCHEMA_REGISTRY_URL") is { } url && !string.IsNullOrWhiteSpace(url))
        {
            return new TestSchemaRegistry(SchemaRegistryKind.External, url.Trim(), null);
        }

        if (containerUrl is not null)
        {
            return new TestSchemaRegistry(SchemaRegistryKind.Container, containerUrl, null);
        }

        var registry = InProcessSchemaRegistry.Start();
        return new TestSchemaRegistry(SchemaRegistryKind.InProcess, registry.Url, registry);
    }

    /// <summary>Picks and starts the registry from this process's environment.</summary>
    public static TestSchemaRegistry Start() => Start(Environment.GetEnvironmentVariable);

    /// <summary>Stops the in-process registry, if there is one (a container is its starter's to stop).</summary>
    public ValueTask DisposeAsync() => InProcess?.DisposeAsync() ?? ValueTask.CompletedTask;
}
