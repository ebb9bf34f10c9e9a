using System.CommandLine;
using KafkaDemo.Cli;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Producer;

/// <summary>Builds the Producer's command line and turns a parse into a <see cref="ProducerOptions"/> run.</summary>
public static class ProducerCommand
{
    /// <summary>Default number of events: three of each event type.</summary>
    public const int DefaultCount = 9;

    /// <summary>Default time a message may wait for its acknowledgement.</summary>
    public static readonly TimeSpan DefaultDeliveryTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The root command; <paramref name="environment"/> supplies the env fallbacks (the process environment by default).</summary>
    public static RootCommand Create(Func<string, string?>? environment = null)
    {
        environment ??= EnvironmentFallback.Process;

        var bootstrapServers = ConnectionOptions.BootstrapServers(environment);
        var topic = ConnectionOptions.Topic("Topic to produce to", environment);

        var count = new Option<int>("--count", "-n")
        {
            Description = "Number of note events to send (0: until Ctrl+C)",
        }.Within(0, int.MaxValue, DefaultCount);

        var deliveryTimeout = new Option<TimeSpan>("--delivery-timeout")
        {
            Description = "How long a message may wait for the broker's acknowledgement before it counts as failed (bounds the wait for an unreachable broker)",
            HelpName = "duration",
        }.ParsedAsDuration(DefaultDeliveryTimeout, minimum: TimeSpan.FromMilliseconds(100));

        var root = new RootCommand("Sends note events (JSON, keyed by event type) to a Kafka topic and reports each delivery.")
        {
            bootstrapServers,
            topic,
            count,
            deliveryTimeout,
        };

        root.SetAction(async (parsed, cancellationToken) =>
        {
            var options = new ProducerOptions(
                parsed.GetRequiredValue(bootstrapServers),
                parsed.GetRequiredValue(topic),
                parsed.GetValue(count),
                parsed.GetValue(deliveryTimeout));

            using var loggers = ConsoleLogging.Create(LogLevel.Information);
            var producer = new NoteProducer(options, parsed.InvocationConfiguration.Output, loggers.CreateLogger("Producer"));
            var summary = await producer.RunAsync(cancellationToken);
            return summary.Failed == 0 && !summary.FatalError ? ExitCodes.Success : ExitCodes.Failure;
        });
        return root;
    }
}
