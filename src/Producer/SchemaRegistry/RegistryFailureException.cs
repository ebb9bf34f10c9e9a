namespace KafkaDemo.Producer.SchemaRegistry;

/// <summary>
/// The registry could not give the run its schema (it did not answer, or refused, or does not
/// hold what was named); the message is one line, passwords already masked.
/// </summary>
public sealed class RegistryFailureException(string message) : Exception(message);
