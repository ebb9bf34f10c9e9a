using Microsoft.Extensions.Logging;

namespace KafkaDemo.UnitTests.Cli;

/// <summary>A logger factory whose loggers share one <see cref="RecordingLogger"/>, and which says whether it was disposed.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    public RecordingLogger Logger { get; } = new();

    public List<string> Categories { get; } = [];

    public bool Disposed { get; private set; }

    public ILogger CreateLogger(string categoryName)
    {
        Categories.Add(categoryName);
        return Logger;
    }

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose() => Disposed = true;
}
