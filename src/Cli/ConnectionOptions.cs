using System.CommandLine;

namespace KafkaDemo.Cli;

/// <summary>The options every Kafka-facing program takes the same way, with the same env fallbacks.</summary>
public static class ConnectionOptions
{
    /// <summary><c>--bootstrap-servers</c> / <c>-b</c>, falling back to <c>KAFKA_BOOTSTRAP_SERVERS</c>, then <c>localhost:9092</c>.</summary>
    public static Option<string> BootstrapServers(Func<string, string?> environment) =>
        new Option<string>("--bootstrap-servers", "-b")
        {
            Description = "Kafka brokers to contact first, host:port[,host:port…]",
            HelpName = "hosts",
        }.FallBackTo("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092", environment).NotBlank();

    /// <summary><c>--topic</c> / <c>-t</c>, falling back to <c>KAFKA_TOPIC</c>, then <c>notes-topic</c>.</summary>
    public static Option<string> Topic(string description, Func<string, string?> environment) =>
        new Option<string>("--topic", "-t")
        {
            Description = description,
            HelpName = "name",
        }.FallBackTo("KAFKA_TOPIC", "notes-topic", environment).LegalTopics(name => [name ?? string.Empty]);
}
