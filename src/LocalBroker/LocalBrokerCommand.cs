using System.CommandLine;
using KafkaDemo.Cli;
using KafkaDemo.Cli.Completion;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.LocalBroker;

/// <summary>Builds the <c>LocalBroker</c> command line: start a mock cluster, print where it is, wait.</summary>
public static class LocalBrokerCommand
{
    /// <summary>The root command, wired to run the cluster until cancelled (or, if asked, until <paramref name="input"/> ends).</summary>
    /// <param name="input">Standard input, for <c>--exit-on-stdin-close</c>; the console's by default.</param>
    public static RootCommand Create(TextReader? input = null)
    {
        var brokers = new Option<int>("--brokers", "-b")
        {
            Description = "Number of brokers in the cluster (ids 1..N)",
        }.Within(1, 16, 3);

        var topics = new Option<TopicSpec[]>("--topic", "-t")
        {
            Description = "Topic to pre-create, as name or name:partitions (repeatable); unknown topics are auto-created with 4 partitions",
            DefaultValueFactory = _ => [new TopicSpec("notes-topic", 3)],
            HelpName = "name[:partitions]",
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result =>
            {
                var specs = new List<TopicSpec>();
                foreach (var token in result.Tokens)
                {
                    var spec = TopicSpec.TryParse(token.Value, out var error);
                    if (spec is null)
                    {
                        result.AddError($"--topic: {error}.");
                        return [];
                    }

                    specs.Add(spec);
                }

                return [.. specs];
            },
        };

        // No default value of its own: System.CommandLine would show it as 00:00:01, and its help
        // cannot be told otherwise, so the description carries the default as a user types it.
        var rebalanceDelay = new Option<TimeSpan?>("--rebalance-delay")
        {
            Description = "How long a new consumer group waits for more members before its first rebalance (Kafka's default is 3s) " +
                $"[default: {Durations.Format(MockCluster.DefaultInitialRebalanceDelay)}]",
            HelpName = "duration",
        }.ParsedAsDuration();

        var exitOnStdinClose = new Option<bool>("--exit-on-stdin-close")
        {
            Description = "Also stop when standard input closes: a script that keeps it open cannot leave the cluster running after the script dies",
        };

        var root = new RootCommand(
            "Runs an in-memory Kafka cluster (librdkafka's mock broker) on 127.0.0.1 until Ctrl+C or SIGTERM. " +
            "Prints its bootstrap servers on one line of stdout. A test double, not Kafka: no topic admin API, no persistence.")
        {
            brokers,
            topics,
            rebalanceDelay,
            exitOnStdinClose,
        };

        root.SetAction(async (parsed, cancellationToken) =>
        {
            using var loggers = ConsoleLogging.Create(LogLevel.Information);
            var logger = loggers.CreateLogger("LocalBroker");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (parsed.GetValue(exitOnStdinClose))
            {
                _ = StopWhenInputEnds(input ?? Console.In, stop, logger);
            }

            return await RunAsync(
                parsed.GetValue(brokers), parsed.GetValue(topics) ?? [], parsed.GetValue(rebalanceDelay) ?? MockCluster.DefaultInitialRebalanceDelay,
                parsed.InvocationConfiguration.Output, logger, stop.Token);
        });
        CompletionCommand.AddTo(root, "KafkaDemo.LocalBroker", "kafkademo-broker");
        return root;
    }

    // Reads (and ignores) standard input on a thread of its own; its end means the parent is gone.
    private static Task StopWhenInputEnds(TextReader input, CancellationTokenSource stop, ILogger logger) =>
        Task.Factory.StartNew(() =>
        {
            while (input.Read() != -1)
            {
            }

            logger.LogInformation("Standard input closed");
            stop.Cancel();
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static async Task<int> RunAsync(
        int brokerCount, IReadOnlyList<TopicSpec> topics, TimeSpan rebalanceDelay, TextWriter output, ILogger logger,
        CancellationToken cancellationToken)
    {
        using var cluster = MockCluster.Start(brokerCount, rebalanceDelay);
        foreach (var topic in topics)
        {
            cluster.CreateTopic(topic.Name, topic.Partitions);
            logger.LogInformation("Created topic {Topic} with {Partitions} partitions", topic.Name, topic.Partitions);
        }

        // Stopping may already have been asked for (standard input can end before the cluster is up):
        // the address is still printed in full, then the run ends at once below.
        await output.WriteLineAsync(cluster.BootstrapServers);
        await output.FlushAsync(CancellationToken.None);
        logger.LogInformation(
            "Mock Kafka cluster (librdkafka {Version}) with {Brokers} brokers at {Bootstrap}; Ctrl+C stops it",
            MockCluster.LibraryVersion, brokerCount, cluster.BootstrapServers);

        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        logger.LogInformation("Stopping the mock cluster");

        return ExitCodes.Success;
    }
}
