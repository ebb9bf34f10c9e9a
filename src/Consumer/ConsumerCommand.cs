using System.CommandLine;
using KafkaDemo.Cli;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer;

/// <summary>Builds the Consumer's command line and turns a parse into a <see cref="ConsumerOptions"/> run.</summary>
public static class ConsumerCommand
{
    /// <summary>The root command; <paramref name="environment"/> supplies the env fallbacks (the process environment by default).</summary>
    public static RootCommand Create(Func<string, string?>? environment = null)
    {
        environment ??= EnvironmentFallback.Process;

        var bootstrapServers = ConnectionOptions.BootstrapServers(environment);
        var topic = ConnectionOptions.Topic("Topic to read", environment);

        var groupId = new Option<string>("--group-id", "-g")
        {
            Description = "Consumer group to join; consumers sharing a group split the partitions between them",
            HelpName = "id",
        }.FallBackTo("KAFKA_GROUP_ID", "notes-consumer", environment);

        var eventType = new Option<string?>("--event-type", "-e")
        {
            Description = "Show only events of this type (e.g. note_created); other messages are counted as filtered out",
            HelpName = "type",
        };

        var from = new Option<string>("--from")
        {
            Description = "Where to start when the group has no committed offset yet",
            DefaultValueFactory = _ => "earliest",
        }.AcceptOnlyFromAmong("earliest", "latest");

        var maxMessages = new Option<int>("--max-messages", "-n")
        {
            Description = "Stop after this many messages, shown or filtered (0: no limit)",
            HelpName = "count",
        }.Within(0, int.MaxValue, 0);

        var idleTimeout = new Option<TimeSpan?>("--idle-timeout")
        {
            Description = "Stop after this long without a message (e.g. 10s); by default wait for ever",
            HelpName = "duration",
        }.ParsedAsDuration();

        var root = new RootCommand("Reads a Kafka topic in a consumer group and prints each message: JSON note events, plain text, anything.")
        {
            bootstrapServers,
            topic,
            groupId,
            eventType,
            from,
            maxMessages,
            idleTimeout,
        };

        root.SetAction(async (parsed, cancellationToken) =>
        {
            var options = new ConsumerOptions(
                parsed.GetRequiredValue(bootstrapServers),
                parsed.GetRequiredValue(topic),
                parsed.GetRequiredValue(groupId),
                parsed.GetValue(eventType),
                parsed.GetRequiredValue(from) == "latest" ? StartFrom.Latest : StartFrom.Earliest,
                parsed.GetValue(maxMessages),
                parsed.GetValue(idleTimeout));

            using var loggers = ConsoleLogging.Create(LogLevel.Information);
            var consumer = new NoteConsumer(options, parsed.InvocationConfiguration.Output, loggers.CreateLogger("Consumer"));
            var summary = await consumer.RunAsync(cancellationToken);
            return summary.FatalError ? ExitCodes.Failure : ExitCodes.Success;
        });
        return root;
    }
}
