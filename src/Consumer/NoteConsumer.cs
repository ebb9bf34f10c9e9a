using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Common;
using KafkaDemo.Common.Decoding;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer;

/// <summary>
/// Reads a topic as a member of a consumer group, decodes each message tolerantly, prints it as one
/// line on its output (stdout in the app) and stores its offset only once that is done, so a
/// restart never skips a message (at-least-once).
/// </summary>
public sealed class NoteConsumer(ConsumerOptions options, TextWriter output, ILogger logger, Action<ConsumedMessage>? observer = null)
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(200);

    private readonly ClientErrors _errors = new(logger, "consumer");

    /// <summary>Consumes until a stop condition (count, idle time, cancellation, fatal error), then leaves the group.</summary>
    public Task<ConsumeSummary> RunAsync(CancellationToken cancellationToken) => Task.FromResult(Run(cancellationToken));

    private ConsumeSummary Run(CancellationToken cancellationToken)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = options.GroupId,
            AutoOffsetReset = options.From == StartFrom.Earliest ? AutoOffsetReset.Earliest : AutoOffsetReset.Latest,
            // Offsets are stored by hand after a message is printed, then committed in the
            // background and on Close(): a crash can replay a message but never skip one.
            EnableAutoOffsetStore = false,
            EnableAutoCommit = true,
        };

        using var consumer = new ConsumerBuilder<byte[], byte[]>(config)
            .SetErrorHandler((_, error) => _errors.Report(error))
            .SetLogHandler((_, message) => ConsoleLogging.Forward(logger, message))
            .SetPartitionsAssignedHandler((_, partitions) =>
                logger.LogInformation("Assigned {Partitions}", Describe(partitions)))
            .SetPartitionsRevokedHandler((_, partitions) =>
                logger.LogInformation("Revoked {Partitions}", Describe(partitions.Select(p => p.TopicPartition))))
            .SetPartitionsLostHandler((_, partitions) =>
                logger.LogWarning("Lost {Partitions}", Describe(partitions.Select(p => p.TopicPartition))))
            .Build();

        consumer.Subscribe(options.Topic);
        logger.LogInformation("Reading {Topic} as group {Group}{Filter}", options.Topic, options.GroupId,
            options.EventType is null ? string.Empty : $", showing only {options.EventType}");

        long consumed = 0, shown = 0, filteredOut = 0, invalid = 0;
        var sinceLastMessage = Stopwatch.StartNew();
        while (!cancellationToken.IsCancellationRequested && !_errors.Fatal
               && (options.MaxMessages == 0 || consumed < options.MaxMessages))
        {
            if (options.IdleTimeout is { } idle && sinceLastMessage.Elapsed >= idle)
            {
                logger.LogInformation("No message for {Idle}; stopping", Durations.Format(idle));
                break;
            }

            ConsumeResult<byte[], byte[]>? result;
            try
            {
                result = consumer.Consume(s_pollInterval);
            }
            catch (ConsumeException ex)
            {
                logger.LogWarning("{Topic}[{Partition}]@{Offset}: {Reason}",
                    ex.ConsumerRecord?.Topic ?? options.Topic, ex.ConsumerRecord?.Partition.Value, ex.ConsumerRecord?.Offset.Value, ex.Error.Reason);
                if (ex.Error.IsFatal)
                {
                    _errors.MarkFatal();
                }

                continue;
            }

            if (result?.Message is null)
            {
                continue;
            }

            sinceLastMessage.Restart();
            consumed++;
            var message = ToConsumedMessage(result);
            if (message.Decoded.Kind == PayloadKind.Invalid)
            {
                invalid++;
            }

            if (options.EventType is not null && message.Decoded.EventType != options.EventType)
            {
                filteredOut++;
            }
            else
            {
                shown++;
                output.WriteLine(MessageLine.Format(message));
                observer?.Invoke(message);
            }

            consumer.StoreOffset(result);
        }

        output.Flush();
        // Close() commits the stored offsets and leaves the group at once, so the partitions move
        // to the remaining members without waiting for a session timeout.
        consumer.Close();

        var summary = new ConsumeSummary(consumed, shown, filteredOut, invalid, _errors.Fatal);
        logger.LogInformation("Consumed {Consumed}: shown {Shown}, filtered out {Filtered}, invalid {Invalid}",
            summary.Consumed, summary.Shown, summary.FilteredOut, summary.Invalid);
        return summary;
    }

    private static ConsumedMessage ToConsumedMessage(ConsumeResult<byte[], byte[]> result)
    {
        var headers = result.Message.Headers is { } raw
            ? raw.Select(h => KeyValuePair.Create(h.Key, h.GetValueBytes() is { } v ? Encoding.UTF8.GetString(v) : string.Empty)).ToList()
            : [];
        var contentType = headers.FirstOrDefault(h => h.Key.Equals(ContentTypes.HeaderName, StringComparison.OrdinalIgnoreCase)).Value;
        var key = result.Message.Key is { } keyBytes ? Encoding.UTF8.GetString(keyBytes) : null;

        return new ConsumedMessage(
            result.Topic, result.Partition.Value, result.Offset.Value, key,
            MessageDecoder.Decode(result.Message.Value, contentType), headers);
    }

    private static string Describe(IEnumerable<TopicPartition> partitions)
    {
        var list = partitions.Select(p => $"{p.Topic}[{p.Partition.Value}]").ToList();
        return list.Count == 0 ? "no partitions" : string.Join(", ", list);
    }
}
