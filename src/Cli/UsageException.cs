namespace KafkaDemo.Cli;

/// <summary>
/// A mistake in what the user asked for, found after parsing (a client property librdkafka
/// rejects, say). <see cref="CommandLineHost"/> prints its message as one line and exits with 2.
/// </summary>
public sealed class UsageException(string message) : Exception(message);
