namespace KafkaDemo.TestSupport.SchemaRegistry;

/// <summary>
/// The schema registry a test talks to: the one at <c>SCHEMA_REGISTRY_URL</c> when that is set (an
/// empty variable counts as unset), otherwise an <see cref="InProcessSchemaRegistry"/> started for
/// the test. A Confluent registry in a Testcontainers container, for machines where Docker answers,
/// is still to come between the two.
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

    /// <summary>The in-process registry, or null when the environment named another.</summary>
    public InProcessSchemaRegistry? InProcess { get; }

    /// <summary>Picks and, when in-process, starts the registry; <paramref name="environment"/> reads a variable.</summary>
    public static TestSchemaRegistry Start(Func<string, string?> environment)
    {
        if (environment("SCHEMA_REGISTRY_URL") is { } url && !string.IsNullOrWhiteSpace(url))
        {
            return new TestSchemaRegistry(SchemaRegistryKind.External, url.Trim(), null);
        }

        var registry = InProcessSchemaRegistry.Start();
        return new TestSchemaRegistry(SchemaRegistryKind.InProcess, registry.Url, registry);
    }

    /// <summary>Picks and starts the registry from this process's environment.</summary>
    public static TestSchemaRegistry Start() => Start(Environment.GetEnvironmentVariable);

    /// <summary>Stops the in-process registry, if there is one.</summary>
    public ValueTask DisposeAsync() => InProcess?.DisposeAsync() ?? ValueTask.CompletedTask;
}
