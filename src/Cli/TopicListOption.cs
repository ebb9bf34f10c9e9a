using System.CommandLine;

namespace KafkaDemo.Cli;

/// <summary>A repeatable <c>--topic</c> for programs that read several topics.</summary>
public static class TopicListOption
{
    /// <summary>The environment variable <c>--topic</c> falls back to.</summary>
    public const string EnvironmentVariable = "KAFKA_TOPIC";

    /// <summary>
    /// <c>--topic</c> / <c>-t</c>, repeatable, falling back to <c>KAFKA_TOPIC</c> (comma-separated
    /// names allowed), then <c>notes-topic</c>.
    /// </summary>
    public static Option<string[]> Create(string description, Func<string, string?> environment) =>
        new Option<string[]>("--topic", "-t")
        {
            Description = description,
            HelpName = "name",
            AllowMultipleArgumentsPerToken = false,
        }.FallBackTo(EnvironmentVariable, ["notes-topic"], environment,
            text => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } names ? names : null)
        .LegalTopics(names => names ?? []);
}
