namespace KafkaDemo.TestSupport.SchemaRegistry;

/// <summary>Where the tests' schema registry comes from.</summary>
public enum SchemaRegistryKind
{
    /// <summary>A registry the environment names in <c>SCHEMA_REGISTRY_URL</c>.</summary>
    External,

    /// <summary>Confluent Schema Registry in a container beside the tests' Kafka container (Testcontainers).</summary>
    Container,

    /// <summary><see cref="InProcessSchemaRegistry"/>, started by the test process.</summary>
    InProcess,
}
