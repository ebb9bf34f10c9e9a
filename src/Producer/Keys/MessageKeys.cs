using System.Text;

namespace KafkaDemo.Producer.Keys;

/// <summary>Applies a <see cref="KeyStrategy"/>: the key bytes of one message.</summary>
internal static class MessageKeys
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
