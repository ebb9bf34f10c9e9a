using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;

namespace KafkaDemo.Clients.Telemetry;

/// <summary>
/// W3C Trace Context in Kafka headers (<c>traceparent</c>, <c>tracestate</c>), written and read by
/// OpenTelemetry's <see cref="TraceContextPropagator"/>: what carries a trace from the Producer,
/// through the broker, to the Consumer. Called only while a span is being recorded.
/// </summary>
public static class TraceHeaders
{
    /// <summary>The header holding the W3C trace parent.</summary>
    public const string TraceParent = "traceparent";

    /// <summary>The header holding the W3C trace state.</summary>
    public const string TraceState = "tracestate";

    private static readonly TraceContextPropagator s_propagator = new();

    /// <summary>
    /// A copy of <paramref name="headers"/> whose trace context is <paramref name="span"/>'s: any
    /// trace headers already there (a replayed message's, a dead letter's source) are replaced.
    /// A copy, because the Producer may share one header list between messages.
    /// </summary>
    public static Headers With(Headers? headers, Activity span)
    {
        var copy = new Headers();
        foreach (var header in headers ?? [])
        {
            if (header.Key is not (TraceParent or TraceState))
            {
                copy.Add(header.Key, header.GetValueBytes());
            }
        }

        s_propagator.Inject(new PropagationContext(span.Context, Baggage.Current), copy,
            static (carrier, name, value) => carrier.Add(name, Encoding.UTF8.GetBytes(value)));
        return copy;
    }

    /// <summary>The trace context a message carries; default (invalid) when it carries none or a malformed one.</summary>
    public static ActivityContext Extract(Headers? headers)
    {
        if (headers is null || !headers.TryGetLastBytes(TraceParent, out _))
        {
            return default;
        }

        return s_propagator.Extract(default, headers, static (carrier, name) =>
            carrier.TryGetLastBytes(name, out var value) && value is not null ? [Encoding.UTF8.GetString(value)] : []).ActivityContext;
    }
}
