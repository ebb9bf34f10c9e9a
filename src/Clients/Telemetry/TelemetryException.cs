namespace KafkaDemo.Clients.Telemetry;

/// <summary>The telemetry a run asked for could not start (the metrics port is taken, say); the message is one line for the user.</summary>
public sealed class TelemetryException(string message, Exception inner) : Exception(message, inner);
