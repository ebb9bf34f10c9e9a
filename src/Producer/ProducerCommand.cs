using System.CommandLine;
using KafkaDemo.Cli;
using KafkaDemo.Cli.Completion;
using KafkaDemo.Cli.Terminal;
using KafkaDemo.Clients.Native;
using KafkaDemo.Common.Encodings;
using KafkaDemo.Clients.Telemetry;
using KafkaDemo.Common.Events;
using KafkaDemo.Common.Partitioning;
using KafkaDemo.Producer.Keys;
using KafkaDemo.Producer.Progress;
using KafkaDemo.Producer.SchemaRegistry;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Producer;

/// <summary>The Producer's action: binds a parse of <see cref="ProducerCommandDefinition"/> into a <see cref="ProducerOptions"/> run.</summary>
public static class ProducerCommand
{
    /// <summary>The root command; <paramref name="environment"/> supplies the env fallbacks (the process environment by default).</summary>
    /// <param name="environment">Looks up one environment variable.</param>
    /// <param name="variables">All environment variables, for <c>KAFKA_X_*</c>; the process's when <paramref name="environment"/> is not given either.</param>
    public static RootCommand Create(Func<string, string?>? environment = null, IEnumerable<KeyValuePair<string, string?>>? variables = null)
    {
        variables ??= environment is null ? EnvironmentFallback.ProcessVariables() : [];
        environment ??= EnvironmentFallback.Process;
        var definition = new ProducerCommandDefinition(environment, variables);
        definition.Root.SetAction((parsed, cancellationToken) =>
            RunAsync(definition, parsed, Bind(definition, parsed) with { Telemetry = definition.Telemetry.Bind(parsed, environment) }, cancellationToken));
        definition.ExplainKeysDefinition.Command.SetAction(parsed =>
            ExplainKeys(definition, parsed, parsed.GetRequiredValue(definition.ExplainKeysDefinition.Keys)));
        CompletionCommand.AddTo(definition.Root, "KafkaDemo.Producer", "kafkademo-producer");
        return definition.Root;
    }

    private static async Task<int> RunAsync(ProducerCommandDefinition d, ParseResult parsed, ProducerOptions options, CancellationToken cancellationToken)
    {
        LoadedLibrary.LoadInBackground();
        using var loggers = d.Logging.CreateFactory(parsed);
        if (parsed.GetValue(d.ExplainKeys) is { } keyList)
        {
            parsed.InvocationConfiguration.Error.WriteLine("note: --explain-keys moved to a subcommand: producer explain-keys k1,k2,…");
            return ExplainKeys(d, parsed, [keyList]);
        }

        if (options.KeySchema is not null || options.ValueSchema is not null)
        {
            try
            {
                options = options with
                {
                    Encoders = await SchemaEncoders.ResolveAsync(options.SchemaRegistry!, options.Topic, options.KeySchema, options.ValueSchema, options.ConnectTimeout),
                };
            }
            catch (RegistryFailureException e)
            {
                await parsed.InvocationConfiguration.Error.WriteLineAsync($"{d.Root.Name}: {e.Message}");
                return ExitCodes.Failure;
            }
        }

        using var telemetry = TelemetryOptions.TryStart(options.Telemetry, "kafkademo-producer", KafkaTelemetry.ProducerMeter, parsed);
        if (telemetry is null)
        {
            return ExitCodes.Failure;
        }

        var producer = new NoteProducer(options, parsed.InvocationConfiguration.Output, loggers.CreateLogger("Producer"), d.Logging.SummaryWriter(parsed));
        ProduceSummary summary;
        // A terminal's progress line; -q keeps its line every 5 s instead, which NoteProducer writes.
        using (ProgressTerminal.ForStandardError(parsed, d.Logging)?.Start(
                   new ProduceProgress(producer.Stats, options.Input is null && options.Count > 0 ? options.Count : null).Render))
        {
            summary = await producer.RunAsync(cancellationToken);
        }

        return summary.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static int ExplainKeys(ProducerCommandDefinition d, ParseResult parsed, IEnumerable<string> arguments)
    {
        LoadedLibrary.LoadInBackground();
        var partitionCount = EnvironmentFallback.WasGiven(parsed, d.Partitions) ? parsed.GetValue(d.Partitions) : (int?)null;
        return ExplainKeysCommand.Run(ExplainKeysCommandDefinition.Split(arguments), partitionCount, Bind(d, parsed),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error);
    }

    /// <summary>What <paramref name="args"/> bind to, for tests that follow a flag into the client's config.</summary>
    internal static ProducerOptions Bind(string[] args, Func<string, string?> environment, IEnumerable<KeyValuePair<string, string?>>? variables = null)
    {
        var definition = new ProducerCommandDefinition(environment, variables ?? []);
        var parsed = definition.Root.Parse(args);
        return Bind(definition, parsed) with { Telemetry = definition.Telemetry.Bind(parsed, environment) };
    }

    private static ProducerOptions Bind(ProducerCommandDefinition d, ParseResult parsed)
    {
        var input = parsed.GetValue(d.Input);
        var inputFormat = d.InputFormat.ValueIn(parsed);
        var encodings = d.Encodings.Bind(parsed);
        // A value read as hex or base64 is sent as those bytes, so it takes no schema, not even the latest.
        var (registry, keySchema, valueSchema) = d.Schemas.Bind(parsed, readsLines: input is not null && inputFormat == Producer.InputFormat.Lines && encodings.Value == ByteEncoding.Text);
        if (input is not null && inputFormat == Producer.InputFormat.Jsonl && (keySchema ?? valueSchema) is not null)
        {
            throw new UsageException("--input-format jsonl re-sends the bytes it reads; schemas apply to --input lines and generated events.");
        }

        if (input is null && valueSchema is not null && parsed.GetResult(d.Format) is { Implicit: false } && d.Format.ValueIn(parsed) != NoteEventFormat.Json)
        {
            throw new UsageException("--value-schema encodes generated events from their JSON form; --format applies without it.");
        }

        return new ProducerOptions(parsed.GetRequiredValue(d.Client.BootstrapServers), parsed.GetRequiredValue(d.Topic), parsed.GetValue(d.Count), parsed.GetValue(d.DeliveryTimeout))
        {
            Interval = parsed.GetValue(d.Rate) is { } perSecond ? TimeSpan.FromSeconds(1 / perSecond) : parsed.GetValue(d.Interval),
            Format = d.Format.ValueIn(parsed),
            KeyStrategy = parsed.GetResult(d.Key) is not null ? KeyStrategy.Fixed : d.KeyStrategy.ValueIn(parsed),
            FixedKey = parsed.GetValue(d.Key),
            Partition = parsed.GetValue(d.Partition),
            Partitioner = d.Partitioner.ValueIn(parsed),
            Headers = parsed.GetValue(d.Headers) ?? [],
            Threads = parsed.GetValue(d.Threads),
            ClientSettings = d.Client.Merge(parsed),
            Input = parsed.GetValue(d.Input),
            InputFormat = d.InputFormat.ValueIn(parsed),
            KeySeparator = parsed.GetValue(d.KeySeparator),
            NullMarker = parsed.GetValue(d.NullMarker),
            Encodings = encodings,
            LineHeaders = d.LineHeaders.Bind(parsed),
            KeepPartitions = parsed.GetValue(d.KeepPartitions),
            CreateTopic = parsed.GetValue(d.CreateTopic)
                ? new TopicCreation(parsed.GetValue(d.Partitions), (short)parsed.GetValue(d.ReplicationFactor), parsed.GetValue(d.Compact))
                : null,
            ConnectTimeout = parsed.GetValue(d.ConnectTimeout),
            SequenceHeader = parsed.GetValue(d.SequenceHeader),
            TransactionSize = parsed.GetValue(d.TransactionSize),
            Quiet = parsed.GetValue(d.Logging.Quiet),
            SchemaRegistry = registry,
            KeySchema = keySchema,
            ValueSchema = valueSchema,
        };
    }
}
