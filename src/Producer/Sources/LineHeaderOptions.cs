using System.CommandLine;

namespace KafkaDemo.Producer.Sources;

/// <summary>
/// <c>--parse-headers</c> and its separators: headers per <c>--input</c> line, in the shape of
/// kafka-console-producer's <c>parse.headers</c> (KIP-798), with Kafka's defaults.
/// </summary>
public sealed class LineHeaderOptions
{
    public Option<bool> Parse { get; } = new("--parse-headers")
    {
        Description = "With --input lines: each line starts with its headers, name:value,name:value, then a tab, then the key and value (kafka-console-producer's parse.headers)",
    };

    public Option<string?> Delimiter { get; } = new("--headers-delimiter") { Description = "With --parse-headers: what ends a line's headers [default: a tab]", HelpName = "text" };

    public Option<string?> Separator { get; } = new("--headers-separator") { Description = "With --parse-headers: what separates two headers [default: ,]", HelpName = "text" };

    public Option<string?> KeySeparator { get; } = new("--headers-key-separator") { Description = "With --parse-headers: what separates a header's name from its value [default: :]", HelpName = "text" };

    /// <summary>Every option, to add to the command.</summary>
    public IEnumerable<Option> All => [Parse, Delimiter, Separator, KeySeparator];

    /// <summary>The format asked for; null without <c>--parse-headers</c>.</summary>
    public LineHeaderFormat? Bind(ParseResult parsed) => parsed.GetValue(Parse) ? Format(parsed.GetValue) : null;

    /// <summary>The separators given (<paramref name="given"/> reads one), Kafka's defaults for the rest.</summary>
    public LineHeaderFormat Format(Func<Option<string?>, string?> given) => new(
        given(Delimiter) ?? LineHeaderFormat.KafkaDefaults.Delimiter,
        given(Separator) ?? LineHeaderFormat.KafkaDefaults.Separator,
        given(KeySeparator) ?? LineHeaderFormat.KafkaDefaults.KeySeparator);
}
