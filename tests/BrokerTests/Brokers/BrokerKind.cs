namespace KafkaDemo.BrokerTests.Brokers;

/// <summary>Where the shared broker of the broker tests comes from.</summary>
public enum BrokerKind
{
    /// <summary>A running Kafka named by <c>KAFKA_BOOTSTRAP_SERVERS</c>.</summary>
    External,

    /// <summary>Apache Kafka (KRaft, one node) in a container that Testcontainers starts.</summary>
    Testcontainers,

    /// <summary>librdkafka's mock cluster, in the test process.</summary>
    Embedded,
}
