using Confluent.Kafka;
using KafkaDemo.Cli;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.UnitTests.Cli;

public class ClientErrorsTests
{
    private readonly RecordingLogger _logger = new();
    private readonly ManualClock _clock = new();

    private ClientErrors Create() => new(_logger, "producer", _clock);

    [Fact]
    public void A_fatal_error_is_remembered_and_logged_as_critical()
    {
        var errors = Create();

        errors.Report(new Error(ErrorCode.Local_Fatal, "producer fenced", isFatal: true));

        Assert.True(errors.Fatal);
        var (level, text) = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Critical, level);
        Assert.Contains("producer fenced", text);
    }

    [Fact]
    public void A_repeated_error_is_logged_once_per_quiet_period_and_is_not_fatal()
    {
        var errors = Create();
        var refused = new Error(ErrorCode.Local_Transport, "Connection refused");

        errors.Report(refused);
        _clock.Advance(ClientErrors.QuietPeriod - TimeSpan.FromSeconds(1));
        errors.Report(refused);
        _clock.Advance(TimeSpan.FromSeconds(2));
        errors.Report(refused);

        Assert.False(errors.Fatal);
        Assert.Equal(2, _logger.Entries.Count);
        Assert.All(_logger.Entries, e => Assert.Equal(LogLevel.Warning, e.Level));
    }

    [Fact]
    public void Different_error_codes_are_each_logged()
    {
        var errors = Create();

        errors.Report(new Error(ErrorCode.Local_Transport, "Connection refused"));
        errors.Report(new Error(ErrorCode.Local_AllBrokersDown, "All brokers down"));

        Assert.Equal(2, _logger.Entries.Count);
    }

    [Fact]
    public void A_failure_found_outside_the_callback_marks_the_run_fatal()
    {
        var errors = Create();

        errors.MarkFatal();

        Assert.True(errors.Fatal);
        Assert.Empty(_logger.Entries);
    }

    // A clock the test moves by hand: the quiet period is tested without waiting for it.
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
