namespace KafkaDemo.Consumer;

/// <summary>Everything one Consumer run was asked to do, fixed once parsing is over.</summary>
/// <param name="BootstrapServers">Comma-separated host:port list of brokers to contact first.</param>
/// <param name="Topic">Topic to subscribe to.</param>
/// <param name="GroupId">Consumer group to join; members of one group share the partitions.</param>
/// <param name="EventType">When set, only events of this type are shown; the rest count as filtered out.</param>
/// <param name="From">Where to start when the group has no committed offset.</param>
/// <param name="MaxMessages">Stop after this many messages (shown or filtered); 0 means no limit.</param>
/// <param name="IdleTimeout">Stop after this long without a message; null means never.</param>
public sealed record ConsumerOptions(
    string BootstrapServers,
    string Topic,
    string GroupId,
    string? EventType,
    StartFrom From,
    int MaxMessages,
    TimeSpan? IdleTimeout);
