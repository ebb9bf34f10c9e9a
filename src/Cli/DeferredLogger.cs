using Microsoft.Extensions.Logging;

namespace KafkaDemo.Cli;

/// <summary>
/// One category's logger from a <see cref="DeferredLoggerFactory"/>: answers whether a level is
/// enabled from the factory's minimum, and asks the factory for the real logger on its first
/// enabled entry.
/// </summary>
internal sealed class DeferredLogger(DeferredLoggerFactory factory, string categoryName) : ILogger
{
    private ILogger? _real;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= factory.Minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Real.Log(logLevel, eventId, state, exception, formatter);
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => Real.BeginScope(state);

    private ILogger Real
    {
        get
        {
            if (Volatile.Read(ref _real) is { } real)
            {
                return real;
            }

            // Two threads may both ask; the first answer is kept (the factory caches loggers by category).
            var created = factory.RealLogger(categoryName);
            return Interlocked.CompareExchange(ref _real, created, null) ?? created;
        }
    }
}
