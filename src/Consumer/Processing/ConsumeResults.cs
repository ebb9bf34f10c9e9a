using System.Text;
using Confluent.Kafka;
using KafkaDemo.Common;
using KafkaDemo.Common.Decoding;
using KafkaDemo.Common.Envelopes;

namespace KafkaDemo.Consumer.Processing;

/// <summary>The decode step: what a raw <see cref="ConsumeResult{TKey, TValue}"/> becomes before it is shown.</summary>
public static class ConsumeResults
{
    /// <summary>
    /// The message with its key and headers as text and its value decoded by the content-type
    /// header when there is one (the first, matched without regard to case), by its shape otherwise.
    /// </summary>
    public static ConsumedMessage Decode(ConsumeResult<byte[], byte[]> result)
    {
        ReadOnlySpan<byte> contentType = default;
        if (result.Message.Headers is { } headers)
        {
            // By index, only for speed: the enumerator would be one more object per message. A
            // foreach would do as well if that allocation stopped showing in the Consumer's profile.
            for (var i = 0; i < headers.Count; i++)
            {
                if (ContentTypes.IsHeaderName(headers[i].Key))
                {
                    contentType = headers[i].GetValueBytes();
                    break;
                }
            }
        }

        return ConsumedMessage.From(result, MessageDecoder.DecodeWithHeader(result.Message.Value, contentType));
    }

    /// <summary>The message byte for byte, as <c>--output jsonl</c> writes it and the Producer replays it.</summary>
    public static MessageEnvelope ToEnvelope(ConsumeResult<byte[], byte[]> result) => new(
        result.Topic,
        result.Partition.Value,
        result.Offset.Value,
        result.Message.Timestamp.Type == TimestampType.NotAvailable ? null : result.Message.Timestamp.UnixTimestampMs,
        result.Message.Key,
        [.. (result.Message.Headers ?? []).Select(h => KeyValuePair.Create<string, byte[]?>(h.Key, h.GetValueBytes()))],
        result.Message.Value);
}
