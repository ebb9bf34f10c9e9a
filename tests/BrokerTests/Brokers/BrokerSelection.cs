namespace KafkaDemo.BrokerTests.Brokers;

/// <summary>
/// Picks the broker the tests share, in this order: the Kafka at <c>KAFKA_BOOTSTRAP_SERVERS</c>;
/// Apache Kafka in a Testcontainers container when a Docker engine answers; otherwise the embedded
/// mock cluster. <c>KAFKA_TEST_BROKER</c> (<c>auto</c>, <c>testcontainers</c>, <c>embedded</c>)
/// pins the choice, so that a CI job meant for a real Kafka cannot quietly run on the mock, and
/// <c>KAFKA_TEST_IMAGE</c> names the image.
/// </summary>
public static class BrokerSelection
{
    /// <summary>The image when <c>KAFKA_TEST_IMAGE</c> is unset: the official image, KRaft mode.</summary>
    public const string DefaultImage = "apache/kafka:4.1.0";

    /// <summary>
    /// Decides from the environment; <paramref name="dockerAnswers"/> is asked only when the choice
    /// depends on it. Throws <see cref="InvalidOperationException"/> for a setting it cannot honour.
    /// </summary>
    public static BrokerChoice Choose(Func<string, string?> environment, Func<bool> dockerAnswers)
    {
        var bootstrapServers = Value(environment, "KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrapServers is not null)
        {
            return new BrokerChoice(BrokerKind.External, bootstrapServers, "KAFKA_BOOTSTRAP_SERVERS is set");
        }

        var image = Value(environment, "KAFKA_TEST_IMAGE") ?? DefaultImage;
        switch (Value(environment, "KAFKA_TEST_BROKER")?.ToLowerInvariant() ?? "auto")
        {
            case "embedded":
                return new BrokerChoice(BrokerKind.Embedded, null, "KAFKA_TEST_BROKER=embedded");
            case "testcontainers":
                return dockerAnswers()
                    ? new BrokerChoice(BrokerKind.Testcontainers, image, "KAFKA_TEST_BROKER=testcontainers")
                    : throw new InvalidOperationException("KAFKA_TEST_BROKER=testcontainers, but no Docker engine answers");
            case "auto":
                return dockerAnswers()
                    ? new BrokerChoice(BrokerKind.Testcontainers, image, "a Docker engine answers")
                    : new BrokerChoice(BrokerKind.Embedded, null, "no Docker engine answers and KAFKA_BOOTSTRAP_SERVERS is not set");
            case var other:
                throw new InvalidOperationException($"KAFKA_TEST_BROKER={other} is not one of auto, testcontainers, embedded");
        }
    }

    // An empty variable counts as unset, as it does for the programs' own options.
    private static string? Value(Func<string, string?> environment, string name) =>
        environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
