namespace KafkaDemo.BrokerTests;

/// <summary>The tests that share one <see cref="BrokerFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class BrokerCollection : ICollectionFixture<BrokerFixture>
{
    public const string Name = "broker";
}
