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

    private MessageFilters(MessageFilter[] filters) => _filters = filters;

    /// <summary>The filters <paramref name="options"/> asks for, <c>--event-type</c> among them; null when there are none.</summary>
    public static MessageFilters? For(ConsumerOptions options)
    {
        MessageFilter[] all = [.. options.Filters, .. options.EventType is { } type ? [MessageFilter.ForEventType(type)] : Array.Empty<MessageFilter>()];
        return all.Length == 0 ? null : new MessageFilters(all);
    }

    /// <summary>True when <paramref name="message"/>, decoded from <paramref name="raw"/>, passes every filter.</summary>
    public bool Passes(Message<byte[], byte[]> raw, ConsumedMessage message)
    {
        foreach (var filter in _filters)
        {
            if (!Passes(filter, raw, message))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Passes(MessageFilter filter, Message<byte[], byte[]> raw, ConsumedMessage message) => filter.Target switch
    {
        FilterTarget.Key => filter.Passes(message.ShownKey),
        FilterTarget.Value => filter.Passes(message.Decoded.Kind == PayloadKind.Tombstone ? null : message.Decoded.Text),
        FilterTarget.Header => filter.Negated != AnyHeaderMatches(filter, raw.Headers),
        _ => filter.Passes(JsonField(filter, raw.Value, message)),
    };

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
    // rendering, a registry's decoded JSON, or any other value's text when it is JSON. The decoder
    // has already read event_type: that field is taken from it rather than read again.
    private static string? JsonField(MessageFilter filter, byte[]? value, ConsumedMessage message)
    {
        var decoded = message.Decoded;
        if (filter.IsEventType && decoded.EventType is { } type)
        {
            return type;
        }

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
