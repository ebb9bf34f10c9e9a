using Confluent.Kafka;
using KafkaDemo.Common.Decoding;
using KafkaDemo.Common.Filtering;

namespace KafkaDemo.Consumer.Filters;

/// <summary>
/// A run's filters together: a message is shown when it passes every one. Each filter reads only
/// its own part of the message, from what decoding already made where it can.
/// </summary>
internal sealed class MessageFilters
{
    private readonly MessageFilter[] _filters;

    // Only for speed: a run filtered by --event-type alone (the consumer bench's) compares the
    // decoder's event type with one string rather than go through the general loop, which
    // measurably slows that step. It could go if the loop cost no more per message.
    private readonly string? _eventTypeOnly;

    private MessageFilters(MessageFilter[] filters, string? eventTypeOnly) => (_filters, _eventTypeOnly) = (filters, eventTypeOnly);

    /// <summary>The filters <paramref name="options"/> asks for, <c>--event-type</c> among them; null when there are none.</summary>
    public static MessageFilters? For(ConsumerOptions options)
    {
        MessageFilter[] all = [.. options.Filters, .. options.EventType is { } type ? [MessageFilter.ForEventType(type)] : Array.Empty<MessageFilter>()];
        return all.Length == 0 ? null : new MessageFilters(all, options.Filters.Count == 0 ? options.EventType : null);
    }

    /// <summary>True when <paramref name="message"/>, decoded from <paramref name="raw"/>, passes every filter.</summary>
    public bool Passes(Message<byte[], byte[]> raw, ConsumedMessage message)
    {
        if (_eventTypeOnly is not null && message.Decoded.EventType is { } type)
        {
            return type == _eventTypeOnly;
        }

        foreach (var filter in _filters)
        {
            if (!Passes(filter, raw, message))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Passes(MessageFilter filter, Message<byte[], byte[]> raw, ConsumedMessage message)
    {
        // The decoder has read event_type already (--event-type's case): one comparison, and the
        // raw message is not touched.
        if (filter.IsEventType && message.Decoded.EventType is { } type)
        {
            return filter.Passes(type);
        }

        return filter.Target switch
        {
            FilterTarget.Key => filter.Passes(message.ShownKey),
            FilterTarget.Value => filter.Passes(message.Decoded.Kind == PayloadKind.Tombstone ? null : message.Decoded.Text),
            FilterTarget.Header => filter.Negated != AnyHeaderMatches(filter, raw.Headers),
            _ => filter.Passes(JsonField(filter, raw.Value, message)),
        };
    }

    // Headers by index, and a value made text only when its name matches.
    private static bool AnyHeaderMatches(MessageFilter filter, Headers? headers)
    {
        for (var i = 0; i < (headers?.Count ?? 0); i++)
        {
            if (headers![i].Key == filter.Name && headers[i].GetValueBytes() is { } bytes && filter.Pattern.IsMatch(System.Text.Encoding.UTF8.GetString(bytes)))
            {
                return true;
            }
        }

        return false;
    }

    // The JSON a field is read from is the one shown: a JSON event's own bytes, a protobuf event's
    // rendering, a registry's decoded JSON, or any other value's text when it is JSON.
    private static string? JsonField(MessageFilter filter, byte[]? value, ConsumedMessage message)
    {
        var decoded = message.Decoded;
        if (decoded.Kind == PayloadKind.Json)
        {
            return JsonFieldReader.Read(value, filter.Path);
        }

        if (decoded.Kind == PayloadKind.Tombstone || decoded.Text.AsSpan().TrimStart() is not ['{' or '[', ..])
        {
            return null;
        }

        return JsonFieldReader.Read(System.Text.Encoding.UTF8.GetBytes(decoded.Text), filter.Path);
    }
}
