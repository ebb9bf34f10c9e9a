namespace KafkaDemo.Producer.Sources;

/// <summary>
/// How <c>--parse-headers</c> finds the headers at the start of an input line, in the shape of
/// kafka-console-producer's <c>parse.headers</c> (KIP-798):
/// <c>name:value,name:value&lt;TAB&gt;</c>, then the rest of the line (key and value).
/// </summary>
/// <param name="Delimiter">Ends the headers (<c>headers.delimiter</c>, a tab by default).</param>
/// <param name="Separator">Between two headers (<c>headers.separator</c>, a comma by default).</param>
/// <param name="KeySeparator">Between a header's name and its value (<c>headers.key.separator</c>, a colon by default).</param>
public sealed record LineHeaderFormat(string Delimiter, string Separator, string KeySeparator)
{
    /// <summary>Kafka's defaults: a tab, a comma, a colon.</summary>
    public static LineHeaderFormat KafkaDefaults { get; } = new("\t", ",", ":");
}
