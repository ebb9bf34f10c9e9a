namespace KafkaDemo.Common;

/// <summary>Kafka's rules for topic names.</summary>
public static class TopicNames
{
    /// <summary>The longest legal topic name.</summary>
    public const int MaxLength = 249;

    /// <summary>Why <paramref name="name"/> is not a legal topic name, or null when it is.</summary>
    public static string? Problem(string name) => name switch
    {
        "" => "a topic name cannot be empty",
        "." or ".." => $"'{name}' is not a legal topic name",
        _ when name.Length > MaxLength => $"a topic name has at most {MaxLength} characters, not {name.Length}",
        _ when !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') =>
            $"'{name}' is not a legal topic name (letters, digits, '.', '_' and '-' only)",
        _ => null,
    };
}
