using System.CommandLine;
using System.Globalization;
using Confluent.Kafka;
using KafkaDemo.Cli;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer;

/// <summary>Builds the Consumer's command line (and its <c>lag</c> subcommand) and runs it.</summary>
public static class ConsumerCommand
{
    /// <summary>The root command; <paramref name="environment"/> supplies the env fallbacks (the process environment by default).</summary>
    /// <param name="environment">Looks up one environment variable.</param>
    /// <param name="clock">The current time, for <c>--from -10m</c>.</param>
    /// <param name="variables">All environment variables, for <c>KAFKA_X_*</c>; the process's when <paramref name="environment"/> is not given either.</param>
    public static RootCommand Create(Func<string, string?>? environment = null, Func<DateTimeOffset>? clock = null, IEnumerable<KeyValuePair<string, string?>>? variables = null)
    {
        variables ??= environment is null ? EnvironmentFallback.ProcessVariables() : [];
        environment ??= EnvironmentFallback.Process;
        clock ??= () => DateTimeOffset.UtcNow;

        var bootstrapServers = ConnectionOptions.BootstrapServers(environment);
        var topics = TopicListOption.Create("Topic to read (repeatable)", environment);
        var groupId = new Option<string>("--group-id", "-g")
        {
            Description = "Consumer group to join; consumers sharing a group split the partitions between them",
            HelpName = "id",
        }.FallBackTo("KAFKA_GROUP_ID", "notes-consumer", environment).NotBlank();
        var connectTimeout = new Option<TimeSpan>("--connect-timeout") { Description = "How long to wait for the first answer from the cluster before giving up", HelpName = "duration" }
            .ParsedAsDuration(TimeSpan.FromSeconds(10), minimum: TimeSpan.FromMilliseconds(100));
        var configFile = ClientSettings.ConfigFileOption();
        var properties = ClientSettings.PropertyOption();
        foreach (var shared in new Option[] { bootstrapServers, topics, groupId, connectTimeout, configFile, properties })
        {
            shared.Recursive = true;
        }

        var eventType = new Option<string?>("--event-type", "-e")
        {
            Description = "Show only events of this type (e.g. note_created); other messages are counted as filtered out",
            HelpName = "type",
        };
        var from = new Option<StartPosition>("--from")
        {
            Description = "Where to start: earliest, latest (where the group has no committed offset), committed, a time (2026-11-22T10:00:00Z, epoch ms) or a duration ago (-10m)",
            HelpName = "position",
            DefaultValueFactory = _ => StartPosition.Earliest,
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                var position = StartPosition.Parse(text, clock());
                if (position is null)
                {
                    result.AddError($"'{text}' is not a start position for --from: use earliest, latest, committed, a time, epoch milliseconds or -<duration>.");
                }

                return position ?? StartPosition.Earliest;
            },
        };
        var partition = new Option<int[]>("--partition", "-p")
        {
            Description = "Read only this partition of each --topic, without joining the group (repeatable)",
            HelpName = "n",
            AllowMultipleArgumentsPerToken = false,
        };
        var assign = new Option<string?>("--assign")
        {
            Description = "Read exactly these partitions without joining the group: topic:partition[@offset],…",
            HelpName = "list",
        };
        var instances = new Option<int>("--instances") { Description = "Consumers in the group inside this process, each on its own thread" }.Within(1, 64, 1);
        var maxMessages = new Option<int>("--max-messages", "-n") { Description = "Stop after this many messages, shown or filtered (0: no limit)", HelpName = "count" }
            .Within(0, int.MaxValue, 0);
        var idleTimeout = new Option<TimeSpan?>("--idle-timeout") { Description = "Stop after this long without a message (e.g. 10s); by default wait for ever", HelpName = "duration" }
            .ParsedAsDuration();
        var commit = new Option<string>("--commit")
        {
            Description = "auto: offsets stored as messages are read (at most once); after-processing: stored once handled, committed on revocation and shutdown (at least once)",
            DefaultValueFactory = _ => "after-processing",
        }.AcceptOnlyFromAmong("auto", "after-processing");
        var dlqTopic = new Option<string?>("--dlq-topic") { Description = "Send messages that fail decoding or validation to this topic, with headers saying why and where from", HelpName = "name" }
            .LegalTopics(name => name is null ? [] : [name]);
        var outputFormat = new Option<string>("--output", "-o")
        {
            Description = "pretty: one readable line per message; jsonl: one JSON envelope per message (replayable by the Producer)",
            DefaultValueFactory = _ => "pretty",
        }.AcceptOnlyFromAmong("pretty", "jsonl");

        var logging = LoggingOptions.Create("Only warnings and errors in the logs (no assignment lines); messages and the summary are still printed");
        var lag = new Command("lag", "Print the group's committed offset, log-end offset and lag per partition of --topic, then exit");

        var root = new RootCommand("Reads Kafka topics and prints each message: JSON and protobuf note events, plain text, anything.")
        {
            bootstrapServers, topics, groupId, eventType, from, partition, assign, instances, maxMessages, idleTimeout,
            commit, dlqTopic, outputFormat, connectTimeout, configFile, properties, lag,
        };
        logging.AddTo(root);

        root.Validators.Add(result =>
        {
            if (result.GetResult(assign) is not null && result.GetResult(partition) is not null)
            {
                result.AddError("Give either --assign or --partition, not both.");
            }

            if (result.GetValue(partition)?.Any(p => p < 0) == true)
            {
                result.AddError("--partition must be 0 or more.");
            }

            if (result.GetValue(assign) is { } list && PartitionAssignment.ParseList(list, out var error) is null)
            {
                result.AddError($"--assign: {error}.");
            }

            if ((result.GetResult(assign) is not null || result.GetResult(partition) is not null) && result.GetValue(instances) > 1)
            {
                result.AddError("--instances needs a group; it cannot be combined with --assign or --partition.");
            }
        });

        ConsumerOptions Bind(ParseResult parsed)
        {
            var file = parsed.GetValue(configFile) is { } path ? PropertiesFile.Load(path) : [];
            var typed = new List<KeyValuePair<string, string>>();
            var bootstrap = parsed.GetRequiredValue(bootstrapServers);
            if (ClientSettings.WasTyped(parsed, bootstrapServers) || !string.IsNullOrWhiteSpace(environment("KAFKA_BOOTSTRAP_SERVERS")))
            {
                typed.Add(KeyValuePair.Create("bootstrap.servers", bootstrap));
            }

            var topicList = parsed.GetRequiredValue(topics);
            IReadOnlyList<PartitionAssignment>? assignment = parsed.GetValue(assign) is { } list
                ? PartitionAssignment.ParseList(list, out _)
                : parsed.GetValue(partition) is { Length: > 0 } numbers
                    ? [.. topicList.SelectMany(t => numbers.Select(n => new PartitionAssignment(t, n, null)))]
                    : null;

            return new ConsumerOptions(bootstrap, topicList, parsed.GetRequiredValue(groupId))
            {
                EventType = parsed.GetValue(eventType),
                From = parsed.GetValue(from) ?? StartPosition.Earliest,
                MaxMessages = parsed.GetValue(maxMessages),
                IdleTimeout = parsed.GetValue(idleTimeout),
                Assignment = assignment,
                Instances = parsed.GetValue(instances),
                Commit = parsed.GetRequiredValue(commit) == "auto" ? CommitMode.Auto : CommitMode.AfterProcessing,
                DeadLetterTopic = parsed.GetValue(dlqTopic),
                Output = parsed.GetRequiredValue(outputFormat) == "jsonl" ? OutputFormat.Jsonl : OutputFormat.Pretty,
                ClientSettings = ClientSettings.Merge(file, ClientSettings.FromEnvironment(variables), parsed.GetValue(properties) ?? [], typed),
                ConnectTimeout = parsed.GetValue(connectTimeout),
            };
        }

        root.SetAction(async (parsed, cancellationToken) =>
        {
            var options = Bind(parsed);
            using var loggers = logging.CreateFactory(parsed);
            // The output may be buffered: each instance flushes it before storing the offsets of
            // what it wrote, so a crash never commits a message whose line was not printed.
            var consumer = new NoteConsumer(options, parsed.InvocationConfiguration.Output, loggers.CreateLogger("Consumer"),
                report: logging.SummaryWriter(parsed));
            var summary = await consumer.RunAsync(cancellationToken);
            return summary.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
        });

        lag.SetAction(parsed =>
        {
            var options = Bind(parsed);
            var config = ConsumerConfigFactory.Create(options);
            IReadOnlyList<PartitionLag> rows;
            try
            {
                rows = GroupLag.Measure(config, options.Topics, options.ConnectTimeout);
            }
            catch (KafkaException ex)
            {
                parsed.InvocationConfiguration.Error.WriteLine(
                    string.Create(CultureInfo.InvariantCulture, $"error: cannot measure the lag of group {options.GroupId}: {ex.Error.Reason}"));
                return ExitCodes.Failure;
            }

            foreach (var line in GroupLag.Render(options.GroupId, rows))
            {
                parsed.InvocationConfiguration.Output.WriteLine(line);
            }

            return ExitCodes.Success;
        });
        return root;
    }
}
