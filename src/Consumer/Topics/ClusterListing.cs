namespace KafkaDemo.Consumer.Topics;

/// <summary>What <c>consumer topics</c> shows: the brokers, which one is the controller, and the topics.</summary>
/// <param name="Brokers">Brokers, by id.</param>
/// <param name="ControllerId">The controller's id; null where the cluster does not say.</param>
/// <param name="Topics">Topics, by name.</param>
public sealed record ClusterListing(IReadOnlyList<BrokerRow> Brokers, int? ControllerId, IReadOnlyList<TopicRow> Topics)
{
    /// <summary>Names of Kafka's own topics (<c>__consumer_offsets</c>, <c>__transaction_state</c>, …) start so.</summary>
    public const string InternalPrefix = "__";
}
