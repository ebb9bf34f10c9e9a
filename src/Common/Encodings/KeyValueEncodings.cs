namespace KafkaDemo.Common.Encodings;

/// <summary>The encodings of a message's key and of its value; the default is text for both.</summary>
/// <param name="Key">How the key's bytes are written or read.</param>
/// <param name="Value">How the value's bytes are written or read.</param>
public readonly record struct KeyValueEncodings(ByteEncoding Key, ByteEncoding Value)
{
    /// <summary>True when both are <see cref="ByteEncoding.Text"/>: the output is what it was before encodings existed.</summary>
    public bool BothText => Key == ByteEncoding.Text && Value == ByteEncoding.Text;
}
