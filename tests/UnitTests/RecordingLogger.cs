using Microsoft.Extensions.Logging;

namespace KafkaDemo.UnitTests;

/// <summary>An ILogger that keeps every entry, for tests that assert what was logged and at which level.</summary>
public sealed class RecordingLogger : ILogger
{
    public List<(LogLevel Level, string Text)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Entries)
        {
            Entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
