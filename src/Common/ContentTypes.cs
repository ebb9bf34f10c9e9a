namespace KafkaDemo.Common;

/// <summary>The <c>content-type</c> header and the values this project writes and understands.</summary>
public static class ContentTypes
{
    /// <summary>Name of the message header carrying the payload's media type.</summary>
    public const string HeaderName = "content-type";

    /// <summary>Whether <paramref name="name"/> is the content-type header's, matched without regard to case.</summary>
    public static bool IsHeaderName(string name) => name.Equals(HeaderName, StringComparison.OrdinalIgnoreCase);

    /// <summary>A UTF-8 JSON document.</summary>
    public const string Json = "application/json";

    /// <summary>UTF-8 text.</summary>
    public const string PlainText = "text/plain";

    /// <summary>A protobuf-encoded NoteEvent (<c>int32 id = 1; string event_type = 2; string text = 3;</c>).</summary>
    public const string Protobuf = "application/x-protobuf";
}
