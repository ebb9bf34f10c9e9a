using System.CommandLine;
using KafkaDemo.Cli;
using KafkaDemo.Cli.Completion;
using KafkaDemo.Cli.Terminal;
using KafkaDemo.Clients.Telemetry;
using KafkaDemo.Clients.Native;
using KafkaDemo.Consumer.Copy;
using KafkaDemo.Consumer.Lag;
using KafkaDemo.Consumer.Reset;
using KafkaDemo.Consumer.Store;
using KafkaDemo.Consumer.Topics;

namespace KafkaDemo.Consumer;

/// <summary>The Consumer's action: binds a parse of <see cref="ConsumerCommandDefinition"/> into a <see cref="ConsumerOptions"/> run.</summary>
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
        var definition = new ConsumerCommandDefinition(environment, variables, clock ?? (() => DateTimeOffset.UtcNow));
        definition.Root.SetAction((parsed, cancellationToken) =>
            RunAsync(definition, parsed, Bind(definition, parsed) with { Telemetry = definition.Telemetry.Bind(parsed, environment) }, cancellationToken));
        definition.CopyDefinition.Command.SetAction((parsed, cancellationToken) => CopyCommand.RunAsync(definition, parsed, cancellationToken));
        definition.LagDefinition.Command.SetAction((parsed, cancellationToken) => LagCommand.RunAsync(
            Bind(definition, parsed), definition.TopicsNamed(parsed), parsed.GetValue(definition.LagDefinition.Watch),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, ConsoleTerminal.StandardOutputSize, cancellationToken));
        var reset = definition.ResetOffsetsDefinition;
        reset.Command.SetAction(parsed => ResetOffsetsCommand.Run(
            Bind(definition, parsed), parsed.GetRequiredValue(reset.To), parsed.GetValue(reset.Execute),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        var topics = definition.TopicsDefinition;
        topics.Command.SetAction(parsed => TopicsCommand.Run(
            Bind(definition, parsed),
            // Only topics named (typed, or in KAFKA_TOPIC) narrow the listing; the default topic does not.
            definition.TopicsNamed(parsed) ? parsed.GetRequiredValue(definition.Topics) : null,
            parsed.GetValue(topics.Internal),
            topics.Output.ValueIn(parsed),
            parsed.InvocationConfiguration.Output,
            parsed.InvocationConfiguration.Error));
        definition.ShowStore.Command.SetAction(parsed => StoreCommand.Run(parsed, definition.ShowStore));
        CompletionCommand.AddTo(definition.Root, "KafkaDemo.Consumer", "kafkademo-consumer");
        return definition.Root;
    }

    /// <summary>Runs <paramref name="options"/>, bound from <paramref name="parsed"/>, with the logging it asks for; the exit code.</summary>
    internal static async Task<int> RunAsync(ConsumerCommandDefinition d, ParseResult parsed, ConsumerOptions options, CancellationToken cancellationToken)
    {
        LoadedLibrary.LoadInBackground();
        using var loggers = d.Logging.CreateFactory(parsed);
        using var telemetry = TelemetryOptions.TryStart(options.Telemetry, "kafkademo-consumer", KafkaTelemetry.ConsumerMeter, parsed);
        if (telemetry is null)
        {
            return ExitCodes.Failure;
        }

        // The output may be buffered: each instance flushes it before storing the offsets of
        // what it wrote, so a crash never commits a message whose line was not printed.
        var consumer = new NoteConsumer(options, parsed.InvocationConfiguration.Output, loggers.CreateLogger("Consumer"),
            report: d.Logging.SummaryWriter(parsed))
        {
            Progress = ProgressTerminal.ForStandardError(parsed, d.Logging),
        };
        var summary = await consumer.RunAsync(cancellationToken);
        return summary.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>What <paramref name="args"/> bind to, for tests that follow a flag into the client's config.</summary>
    internal static ConsumerOptions Bind(string[] args, Func<string, string?> environment, IEnumerable<KeyValuePair<string, string?>>? variables = null)
    {
        var definition = new ConsumerCommandDefinition(environment, variables ?? [], () => DateTimeOffset.UtcNow);
        var parsed = definition.Root.Parse(args, CommandLineHost.Parsing);
        return Bind(definition, parsed) with { Telemetry = definition.Telemetry.Bind(parsed, environment) };
    }

    internal static ConsumerOptions Bind(ConsumerCommandDefinition d, ParseResult parsed)
    {
        var topics = parsed.GetRequiredValue(d.Topics);
        IReadOnlyList<PartitionAssignment>? assignment = parsed.GetValue(d.Assign) is { } list
            ? PartitionAssignment.ParseList(list, out _)
            : parsed.GetValue(d.Partition) is { Length: > 0 } numbers
                ? [.. topics.SelectMany(t => numbers.Select(n => new PartitionAssignment(t, n, null)))]
                : null;

        // The group has one home, the client's config: -X group.id or the file name it when -g was
        // not given, and the run then reports, lags, resets and stores under that same group.
        var settings = d.Client.Merge(parsed);
        var group = settings.TryGetValue("group.id", out var configured) ? configured : parsed.GetRequiredValue(d.GroupId);
        return new ConsumerOptions(parsed.GetRequiredValue(d.Client.BootstrapServers), topics, group)
        {
            EventType = parsed.GetValue(d.Filters.EventType),
            Filters = parsed.GetRequiredValue(d.Filters.Filter),
            From = d.Range.StartIn(parsed),
            Until = parsed.GetValue(d.Range.Until),
            MaxMessages = parsed.GetValue(d.MaxMessages),
            ExitAtEnd = parsed.GetValue(d.ExitAtEnd),
            IdleTimeout = parsed.GetValue(d.IdleTimeout),
            Assignment = assignment,
            Instances = parsed.GetValue(d.Instances),
            Commit = d.Commit.ValueIn(parsed),
            DeadLetterTopic = parsed.GetValue(d.DeadLetterTopic),
            Output = d.Output.ValueIn(parsed),
            Format = parsed.GetValue(d.Format),
            ClientSettings = settings,
            ConnectTimeout = parsed.GetValue(d.ConnectTimeout),
            Store = parsed.GetValue(d.Store),
            SchemaRegistry = d.SchemaRegistry.Bind(parsed),
            Encodings = d.Encodings.Bind(parsed),
        };
    }
}
