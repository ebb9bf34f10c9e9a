namespace KafkaDemo.Producer;

/// <summary>How <c>--input</c> is read.</summary>
public enum InputFormat
{
    /// <summary>One message per line; the value is the line, or what follows <c>--key-separator</c>.</summary>
    Lines,

    /// <summary>One JSON envelope per line, as the Consumer writes with <c>--output jsonl</c>.</summary>
    Jsonl,
}
