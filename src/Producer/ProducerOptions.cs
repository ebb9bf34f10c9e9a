namespace KafkaDemo.Producer;

/// <summary>Everything one Producer run was asked to do, fixed once parsing is over.</summary>
/// <param name="BootstrapServers">Comma-separated host:port list of brokers to contact first.</param>
/// <param name="Topic">Topic to produce to.</param>
/// <param name="Count">Number of events to send; 0 sends until stopped.</param>
/// <param name="DeliveryTimeout">How long a message may wait for acknowledgement before it counts as failed.</param>
public sealed record ProducerOptions(
    string BootstrapServers,
    string Topic,
    int Count,
    TimeSpan DeliveryTimeout);
