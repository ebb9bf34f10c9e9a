using Confluent.Kafka;
using KafkaDemo.Common.Encodings;

namespace KafkaDemo.Consumer.Processing;

/// <summary>
/// A message's key and value as <c>--key-encoding</c> and <c>--value-encoding</c> show them in
/// <c>-o raw</c>, <c>--format</c> and the pretty line. A key or value a schema registry decoded is
/// shown as its JSON whatever the encoding: the encodings are for bytes nothing decoded.
/// (<c>-o jsonl</c> writes the encoding into the envelope instead: <see cref="Common.Envelopes.MessageEnvelope.ValueEncoding"/>.)
/// </summary>
internal static class ShownParts
{
    /// <summary>The key as shown; null for no key.</summary>
    public static string? Key(ConsumeResult<byte[], byte[]> result, ConsumedMessage? message, ByteEncoding encoding) =>
        message?.KeySchema?.Json ?? ByteEncodings.Encode(result.Message.Key, encoding);

    /// <summary>The value as shown; null for a null value (a tombstone).</summary>
    public static string? Value(ConsumeResult<byte[], byte[]> result, ConsumedMessage? message, ByteEncoding encoding) =>
        message?.ValueSchema?.Json ?? ByteEncodings.Encode(result.Message.Value, encoding);

    /// <summary>
    /// The pretty line: its label still says what the value decoded to, but a key or value in hex
    /// or base64 is shown so, in place of its text.
    /// </summary>
    public static string PrettyLine(ConsumeResult<byte[], byte[]> result, ConsumedMessage message, KeyValueEncodings encodings) =>
        encodings.BothText
            ? MessageLine.Format(message)
            : MessageLine.Format(message, Key(result, message, encodings.Key), encodings.Value == ByteEncoding.Text ? null : Value(result, message, encodings.Value));
}
