namespace KafkaDemo.Common.Encodings;

/// <summary>
/// How the bytes of a key or value are written as text and read back from it
/// (<c>--key-encoding</c> and <c>--value-encoding</c> of both programs).
/// </summary>
public enum ByteEncoding
{
    /// <summary>UTF-8 text: exact for bytes that are UTF-8; other bytes are shown as U+FFFD.</summary>
    Text,

    /// <summary>Two lower-case hexadecimal digits per byte; read in either case. Exact for any bytes.</summary>
    Hex,

    /// <summary>Standard base64 with its <c>=</c> padding (RFC 4648, section 4). Exact for any bytes.</summary>
    Base64,
}
