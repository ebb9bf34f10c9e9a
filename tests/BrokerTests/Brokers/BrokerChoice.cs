namespace KafkaDemo.BrokerTests.Brokers;

/// <summary>The broker the tests will use, with the reason it was picked.</summary>
/// <param name="Kind">Where the broker comes from.</param>
/// <param name="Target">The bootstrap servers (external) or the container image (Testcontainers); null for embedded.</param>
/// <param name="Reason">Why this one, for the line the fixture prints.</param>
public sealed record BrokerChoice(BrokerKind Kind, string? Target, string Reason);
