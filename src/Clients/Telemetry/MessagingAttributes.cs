namespace KafkaDemo.Clients.Telemetry;

/// <summary>
/// Attribute names from OpenTelemetry's semantic conventions for messaging (the Kafka page) that
/// our spans carry, in one place so that the Producer's and the Consumer's spans agree.
/// </summary>
public static class MessagingAttributes
{
    public const string System = "messaging.system";
    public const string Destination = "messaging.destination.name";
    public const string Partition = "messaging.destination.partition.id";
    public const string OperationType = "messaging.operation.type";
    public const string OperationName = "messaging.operation.name";
    public const string Key = "messaging.kafka.message.key";
    public const string Offset = "messaging.kafka.offset";
    public const string Tombstone = "messaging.kafka.message.tombstone";
    public const string ConsumerGroup = "messaging.consumer.group.name";
    public const string ClientId = "messaging.client.id";
    public const string BodySize = "messaging.message.body.size";
    public const string BatchCount = "messaging.batch.message_count";
    public const string ErrorType = "error.type";

    /// <summary>The value of <see cref="System"/>.</summary>
    public const string Kafka = "kafka";
}
