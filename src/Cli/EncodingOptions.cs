using System.CommandLine;
using KafkaDemo.Common.Encodings;

namespace KafkaDemo.Cli;

/// <summary>
/// <c>--key-encoding</c> and <c>--value-encoding</c> (<c>text</c>, <c>hex</c> or <c>base64</c>), which both
/// programs take: the Consumer writes keys and values in them, the Producer reads input lines in them.
/// </summary>
public sealed class EncodingOptions
{
    private EncodingOptions(string key, string value)
    {
        Key = new ChoiceOption<ByteEncoding>("--key-encoding", [], key, ByteEncoding.Text);
        Value = new ChoiceOption<ByteEncoding>("--value-encoding", [], value, ByteEncoding.Text);
    }

    /// <summary><c>--key-encoding &lt;text|hex|base64&gt;</c>.</summary>
    public ChoiceOption<ByteEncoding> Key { get; }

    /// <summary><c>--value-encoding &lt;text|hex|base64&gt;</c>.</summary>
    public ChoiceOption<ByteEncoding> Value { get; }

    /// <summary>Both options, to add to a command.</summary>
    public IEnumerable<Option> All => [Key, Value];

    /// <summary>The Consumer's: how keys and values are written (raw, --format, jsonl, pretty; not what a registry decoded).</summary>
    public static EncodingOptions ForOutput() => new(
        "How keys are shown in every output form: text (UTF-8; other bytes become U+FFFD), hex or base64; a key a schema registry decoded stays JSON",
        "How values are shown in every output form: text (UTF-8; other bytes become U+FFFD, but jsonl keeps them as base64), hex or base64; a value a schema registry decoded stays JSON");

    /// <summary>The Producer's: how the keys and values of <c>--input</c> lines are read.</summary>
    public static EncodingOptions ForInput() => new(
        "With --input lines and --key-separator: the key's text is text (sent as UTF-8), hex or base64",
        "With --input lines: the value's text is text (sent as UTF-8), hex or base64; a line that does not decode is skipped (exit 1)");

    /// <summary>The encodings given, text where none was.</summary>
    public KeyValueEncodings Bind(ParseResult parsed) => new(Key.ValueIn(parsed), Value.ValueIn(parsed));
}
