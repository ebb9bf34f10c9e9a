using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Clients;

/// <summary>
/// Handles a Kafka client's error callback: a fatal error is logged as critical and remembered so
/// the run can stop with a failure; other errors are logged at most once per error code every
/// <see cref="QuietPeriod"/>, because librdkafka repeats connection errors on every retry. While a
/// start-up check is still asking whether any broker is there, other errors can be held back (see
/// <see cref="Hold"/>): if none is, the check's one line says what they would say again.
/// </summary>
public sealed class ClientErrors(ILogger logger, string clientKind, TimeProvider? time = null)
{
    /// <summary>How long a repeated error code stays unlogged.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<ErrorCode, long> _lastLogged = [];
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private List<Error>? _held;
    private bool _discarding;
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
            if (_discarding)
            {
                return;
            }

            if (_held is not null)
            {
                if (!_held.Exists(e => e.Code == error.Code))
                {
                    _held.Add(error);
                }

                return;
            }

            var now = _time.GetTimestamp();
            if (_lastLogged.TryGetValue(error.Code, out var last) && _time.GetElapsedTime(last, now) < QuietPeriod)
            {
                return;
            }

            _lastLogged[error.Code] = now;
        }

        logger.LogWarning("{Code}: {Reason}", error.Code, error.Reason);
    }

    /// <summary>From now on, keeps errors that are not fatal back (the first of each code) instead of logging them.</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _held ??= [];
        }
    }

    /// <summary>Logs what was held back, as it would have been logged, and logs from now on.</summary>
    public void ReleaseHeld()
    {
        List<Error>? held;
        lock (_gate)
        {
            (held, _held) = (_held, null);
        }

        foreach (var error in held ?? [])
        {
            Report(error);
        }
    }

    /// <summary>Drops what was held back, and every error that is not fatal from now on: the run is ending with a line of its own.</summary>
    public void DiscardHeld()
    {
        lock (_gate)
        {
            (_held, _discarding) = (null, true);
        }
    }

    /// <summary>Marks the run as failed by an unrecoverable error found outside the callback.</summary>
    public void MarkFatal() => _fatal = true;
}
