namespace KafkaDemo.Consumer;

/// <summary>How messages are written to stdout.</summary>
public enum OutputFormat
{
    /// <summary>One human-readable line per message (the ✅ / 📦 shapes).</summary>
    Pretty,

    /// <summary>One JSON envelope per message, which the Producer can replay with <c>--input-format jsonl</c>.</summary>
    Jsonl,

    /// <summary>The value only, as text, one per line (kcat's default); an empty line for a null value.</summary>
    Raw,
}
