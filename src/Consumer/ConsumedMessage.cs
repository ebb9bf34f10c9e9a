using KafkaDemo.Common.Decoding;

namespace KafkaDemo.Consumer;

/// <summary>One message as the Consumer handled it: where it came from and what it decoded to.</summary>
/// <param name="Topic">Source topic.</param>
/// <param name="Partition">Source partition.</param>
/// <param name="Offset">Offset within the partition.</param>
/// <param name="Key">Message key as UTF-8 text; null when the message had no key.</param>
/// <param name="Decoded">The decoded value.</param>
/// <param name="Headers">Headers in order, values as UTF-8 text.</param>
public sealed record ConsumedMessage(
    string Topic,
    int Partition,
    long Offset,
    string? Key,
    DecodedMessage Decoded,
    IReadOnlyList<KeyValuePair<string, string>> Headers);
