using System.Text;

namespace KafkaDemo.Producer.Sources;

/// <summary>Applies a <see cref="KeyStrategy"/>.</summary>
internal static class Keys
{
    public static byte[]? For(KeyStrategy strategy, string? fixedKey, string? eventType) => strategy switch
    {
        KeyStrategy.EventType => eventType is null ? null : Encoding.UTF8.GetBytes(eventType),
        KeyStrategy.Uuid => Encoding.UTF8.GetBytes(Guid.NewGuid().ToString()),
        KeyStrategy.Fixed => Encoding.UTF8.GetBytes(fixedKey ?? string.Empty),
        _ => null,
    };
}
