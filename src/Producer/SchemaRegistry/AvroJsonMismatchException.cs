namespace KafkaDemo.Producer.SchemaRegistry;

/// <summary>JSON that does not fit an Avro schema; the message names the field and what was wrong.</summary>
public sealed class AvroJsonMismatchException(string message) : Exception(message);
