using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Cli;

/// <summary>
/// Handles a Kafka client's error callback: a fatal error is logged as critical and remembered so
/// the run can stop with a failure; other errors are logged at most once per error code every
/// <see cref="QuietPeriod"/>, because librdkafka repeats connection errors on every retry.
/// </summary>
public sealed class ClientErrors(ILogger logger, string clientKind, TimeProvider? time = null)
{
    /// <summary>How long a repeated error code stays unlogged.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<ErrorCode, long> _lastLogged = [];
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private volatile bool _fatal;

    /// <summary>True once the client reported an unrecoverable error.</summary>
    public bool Fatal => _fatal;

    /// <summary>The error-handler callback to pass to a client builder.</summary>
    public void Report(Error error)
    {
        if (error.IsFatal)
        {
            _fatal = true;
            logger.LogCritical("Fatal {Client} error, stopping: {Reason}", clientKind, error.Reason);
            return;
        }

        lock (_gate)
        {
            var now = _time.GetTimestamp();
            if (_lastLogged.TryGetValue(error.Code, out var last) && _time.GetElapsedTime(last, now) < QuietPeriod)
            {
                return;
            }

            _lastLogged[error.Code] = now;
        }

        logger.LogWarning("{Code}: {Reason}", error.Code, error.Reason);
    }

    /// <summary>Marks the run as failed by an unrecoverable error found outside the callback.</summary>
    public void MarkFatal() => _fatal = true;
}
