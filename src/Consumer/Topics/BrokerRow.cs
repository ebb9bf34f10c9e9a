namespace KafkaDemo.Consumer.Topics;

/// <summary>One broker of the cluster listing.</summary>
/// <param name="Id">Broker id.</param>
/// <param name="Host">Host name it advertises.</param>
/// <param name="Port">Port it advertises.</param>
public sealed record BrokerRow(int Id, string Host, int Port);
