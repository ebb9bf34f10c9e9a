using System.Text;

namespace KafkaDemo.Producer.Sources;

/// <summary>Applies a <see cref="KeyStrategy"/>.</summary>
internal static class Keys
{
    // librdkafka copies the key when a message is produced, so one array per event type can be shared.
    private static readonly Dictionary<string, byte[]> s_eventTypeKeys =
        Common.Events.NoteEventTypes.All.ToDictionary(t => t, t => Encoding.UTF8.GetBytes(t));

    public static byte[]? For(KeyStrategy strategy, string? fixedKey, string? eventType) => strategy switch
    {
        KeyStrategy.EventType => eventType is null ? null : s_eventTypeKeys.GetValueOrDefault(eventType) ?? Encoding.UTF8.GetBytes(eventType),
        KeyStrategy.Uuid => Encoding.UTF8.GetBytes(Guid.NewGuid().ToString()),
        KeyStrategy.Fixed => Encoding.UTF8.GetBytes(fixedKey ?? string.Empty),
        _ => null,
    };
}
