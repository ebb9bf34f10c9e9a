using Microsoft.Extensions.Logging;

namespace KafkaDemo.Cli;

/// <summary>
/// A logger factory that builds the real one (the console logging <see cref="ConsoleLogging"/>
/// configures) only when the first entry at an enabled level is written; a run that logs nothing
/// never builds it. Below that level its loggers answer <see cref="ILogger.IsEnabled"/> from the
/// minimum alone, as the real factory would with no other filter.
/// </summary>
/// <remarks>
/// This exists only for start-up: building the console logger resolves a dependency-injection
/// container by reflection, a cost a natively compiled run that logs nothing would pay for nothing
/// (figures in docs/performance.md). It could go, and <see cref="LoggingOptions"/> return the real
/// factory, if that construction became cheap; nothing but start-up time would change.
/// </remarks>
/// <param name="minimum">The lowest level written; the real factory must filter at the same level.</param>
/// <param name="create">Builds the real factory, once.</param>
public sealed class DeferredLoggerFactory(LogLevel minimum, Func<ILoggerFactory> create) : ILoggerFactory
{
    private readonly Lock _gate = new();
    private ILoggerFactory? _real;
    private bool _disposed;

    /// <summary>The level below which entries are dropped without building anything.</summary>
    public LogLevel Minimum { get; } = minimum;

    /// <summary>Whether the real factory has been built.</summary>
    public bool IsBuilt
    {
        get
        {
            lock (_gate)
            {
                return _real is not null;
            }
        }
    }

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new DeferredLogger(this, categoryName);

    /// <inheritdoc/>
    public void AddProvider(ILoggerProvider provider)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _real ??= create();
            _real.AddProvider(provider);
        }
    }

    /// <summary>Disposes the real factory if it was built; an entry written later is still written.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _real?.Dispose();
        }
    }

    /// <summary>The real logger of <paramref name="categoryName"/>, building the factory on first use.</summary>
    internal ILogger RealLogger(string categoryName)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _real ??= create();
                return _real.CreateLogger(categoryName);
            }
        }

        // An entry written after the run's end: a disposed console logger writes at once rather
        // than through its queue, so a factory built for it and closed straight away loses nothing.
        var late = create();
        var logger = late.CreateLogger(categoryName);
        late.Dispose();
        return logger;
    }
}
