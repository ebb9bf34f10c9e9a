using System.Diagnostics;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using A = KafkaDemo.Clients.Telemetry.MessagingAttributes;

namespace KafkaDemo.Clients.Telemetry;

/// <summary>
/// The spans of a message's journey, named and tagged as OpenTelemetry's messaging conventions
/// say: <c>send {topic}</c> (kind Producer) per message, since Kafka's produce call takes one
/// message and librdkafka's batching is invisible to it; <c>process {topic}</c> (kind Consumer) per
/// message, whose parent is the message's creation context (its send span, from the headers) and
/// which links to it too. Every method returns null, at the cost of one check, when nothing listens.
/// </summary>
public static class MessagingSpans
{
    /// <summary>
    /// Starts the send span of one message to <paramref name="topic"/>, and leaves the thread's
    /// current span as it was: the span ends when the delivery report comes, on another call.
    /// </summary>
    public static Activity? StartSend(string topic, byte[]? key, bool tombstone, int? partition, string? clientId)
    {
        if (!KafkaTelemetry.Source.HasListeners())
        {
            return null;
        }

        var current = Activity.Current;
        var span = KafkaTelemetry.Source.StartActivity($"send {topic}", ActivityKind.Producer);
        Activity.Current = current;
        if (span is null)
        {
            return null;
        }

        Tag(span, topic, "send", "send", key, tombstone);
        span.SetTag(A.ClientId, clientId);
        if (partition is { } chosen)
        {
            span.SetTag(A.Partition, chosen.ToString(CultureInfo.InvariantCulture));
        }

        return span;
    }

    /// <summary>Ends <paramref name="span"/> with what the delivery report says: where the message went, or why it failed.</summary>
    public static void Delivered(Activity span, Error error, Partition partition, Offset offset)
    {
        if (error.IsError)
        {
            span.SetStatus(ActivityStatusCode.Error, error.Reason);
            span.SetTag(A.ErrorType, error.Code.ToString());
        }
        else
        {
            span.SetTag(A.Partition, partition.Value.ToString(CultureInfo.InvariantCulture));
            span.SetTag(A.Offset, offset.Value);
        }

        span.Dispose();
    }

    /// <summary>
    /// Starts the process span of <paramref name="result"/>, the current span until disposed: a
    /// child of the send span named in its headers and linked to it (the conventions' creation
    /// context), or a new trace when the message carries none.
    /// </summary>
    public static Activity? StartProcess(ConsumeResult<byte[], byte[]> result, string groupId)
    {
        if (!KafkaTelemetry.Source.HasListeners())
        {
            return null;
        }

        var created = TraceHeaders.Extract(result.Message.Headers);
        var span = KafkaTelemetry.Source.StartActivity($"process {result.Topic}", ActivityKind.Consumer, created, links: Link(created));
        if (span is not null)
        {
            Tag(span, result.Topic, "process", "process", result.Message.Key, result.Message.Value is null);
            span.SetTag(A.Partition, result.Partition.Value.ToString(CultureInfo.InvariantCulture));
            span.SetTag(A.Offset, result.Offset.Value);
            span.SetTag(A.ConsumerGroup, groupId);
            span.SetTag(A.BodySize, result.Message.Value?.Length ?? 0);
        }

        return span;
    }

    /// <summary>
    /// Starts a send span (child of the current one) for forwarding <paramref name="source"/> to
    /// <paramref name="topic"/> (the DLQ), linked to the message's creation context.
    /// </summary>
    public static Activity? StartForward(string topic, ConsumeResult<byte[], byte[]> source)
    {
        if (!KafkaTelemetry.Source.HasListeners())
        {
            return null;
        }

        var created = TraceHeaders.Extract(source.Message.Headers);
        var span = KafkaTelemetry.Source.StartActivity($"send {topic}", ActivityKind.Producer, default(ActivityContext), links: Link(created));
        if (span is not null)
        {
            Tag(span, topic, "send", "send", source.Message.Key, source.Message.Value is null);
        }

        return span;
    }

    /// <summary>
    /// Starts <paramref name="name"/>, a span of its own (a new trace) for work done on many
    /// messages at once, linked to each message's creation context in <paramref name="messages"/>.
    /// </summary>
    public static Activity? StartBatch(string name, IReadOnlyCollection<ActivityLink> messages)
    {
        if (!KafkaTelemetry.Source.HasListeners())
        {
            return null;
        }

        var span = KafkaTelemetry.Source.StartActivity(ActivityKind.Internal, default(ActivityContext), links: messages, name: name);
        span?.SetTag(A.BatchCount, messages.Count);
        return span;
    }

    /// <summary>A link to the creation context in <paramref name="headers"/>, for <see cref="StartBatch"/>; null when there is none.</summary>
    public static ActivityLink? LinkTo(Headers? headers) => TraceHeaders.Extract(headers) is { } created && created != default ? new ActivityLink(created) : null;

    private static ActivityLink[]? Link(ActivityContext created) => created == default ? null : [new ActivityLink(created)];

    private static void Tag(Activity span, string topic, string operationType, string operationName, byte[]? key, bool tombstone)
    {
        span.SetTag(A.System, A.Kafka);
        span.SetTag(A.Destination, topic);
        span.SetTag(A.OperationType, operationType);
        span.SetTag(A.OperationName, operationName);
        if (key is not null)
        {
            span.SetTag(A.Key, Encoding.UTF8.GetString(key));
        }

        if (tombstone)
        {
            span.SetTag(A.Tombstone, true);
        }
    }
}
