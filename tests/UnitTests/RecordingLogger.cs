using Microsoft.Extensions.Logging;

namespace KafkaDemo.UnitTests;

/// <summary>A logger that keeps every entry with its level and formatted text, for asserting on diagnostics.</summary>
internal sealed class RecordingLogger : ILogger
{
    public List<(LogLevel Level, string Text)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((logLevel, formatter(state, exception)));
}
