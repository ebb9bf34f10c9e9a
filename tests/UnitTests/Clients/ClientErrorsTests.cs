using Confluent.Kafka;
using KafkaDemo.Clients;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.UnitTests.Clients;

public class ClientErrorsTests
{
    private readonly ManualTime _time = new();
    private readonly RecordingLogger _logger = new();

    private ClientErrors Create() => new(_logger, "producer", _time);

    // Reports one transient error per entry, each at its time since the first; returns the reasons that were logged.
    private List<string> ReportTransientAt(params (TimeSpan At, string Reason)[] reports)
    {
        var errors = Create();
        var elapsed = TimeSpan.Zero;
        foreach (var (at, reason) in reports)
        {
            _time.Advance(at - elapsed);
            elapsed = at;
            errors.Report(Transient(reason: reason));
        }

        return [.. _logger.Entries.Select(e => e.Text["Local_Transport: ".Length..])];
    }

    private static Error Transient(ErrorCode code = ErrorCode.Local_Transport, string reason = "broker down") => new(code, reason, isFatal: false);

    [Fact]
    public void A_fatal_error_is_remembered_and_logged_as_critical()
    {
        var errors = Create();

        errors.Report(new Error(ErrorCode.Local_Fatal, "idempotence broken", isFatal: true));

        Assert.True(errors.Fatal);
        var (level, text) = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Critical, level);
        Assert.Equal("Fatal producer error, stopping: idempotence broken", text);
    }

    [Fact]
    public void Every_fatal_error_is_logged_even_within_the_quiet_period()
    {
        var errors = Create();

        errors.Report(new Error(ErrorCode.Local_Fatal, "first", isFatal: true));
        errors.Report(new Error(ErrorCode.Local_Fatal, "second", isFatal: true));

        Assert.Equal([LogLevel.Critical, LogLevel.Critical], _logger.Entries.Select(e => e.Level));
    }

    [Fact]
    public void A_transient_error_is_logged_as_a_warning_with_its_code_and_does_not_make_the_run_fatal()
    {
        var errors = Create();

        errors.Report(Transient());

        Assert.False(errors.Fatal);
        var (level, text) = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Equal("Local_Transport: broker down", text);
    }

    [Fact]
    public void A_repeated_error_code_stays_unlogged_until_the_quiet_period_is_over()
    {
        var justBefore = ClientErrors.QuietPeriod - TimeSpan.FromMilliseconds(1);

        var logged = ReportTransientAt((TimeSpan.Zero, "first"), (justBefore, "repeat"), (ClientErrors.QuietPeriod, "after the quiet period"));

        Assert.Equal(["first", "after the quiet period"], logged);
    }

    [Fact]
    public void The_quiet_period_counts_from_the_last_logged_occurrence_not_the_last_suppressed_one()
    {
        var logged = ReportTransientAt(
            (TimeSpan.Zero, "logged at 0s"),
            (TimeSpan.FromSeconds(6), "suppressed at 6s"),
            (TimeSpan.FromSeconds(12), "logged at 12s"),
            (TimeSpan.FromSeconds(18), "suppressed at 18s"));

        Assert.Equal(["logged at 0s", "logged at 12s"], logged);
    }

    [Fact]
    public void Different_error_codes_are_quieted_independently()
    {
        var errors = Create();

        errors.Report(Transient(ErrorCode.Local_Transport));
        errors.Report(Transient(ErrorCode.Local_AllBrokersDown, "all down"));
        errors.Report(Transient(ErrorCode.Local_Transport));
        errors.Report(Transient(ErrorCode.Local_AllBrokersDown, "all down"));

        Assert.Equal(
            ["Local_Transport: broker down", "Local_AllBrokersDown: all down"],
            _logger.Entries.Select(e => e.Text));
    }

    [Fact]
    public void A_fatal_error_does_not_quiet_a_transient_error_of_the_same_code()
    {
        var errors = Create();

        errors.Report(new Error(ErrorCode.Local_Transport, "fatal", isFatal: true));
        errors.Report(Transient());

        Assert.Equal([LogLevel.Critical, LogLevel.Warning], _logger.Entries.Select(e => e.Level));
    }

    [Fact]
    public void MarkFatal_makes_the_run_fatal_without_logging()
    {
        var errors = Create();

        errors.MarkFatal();

        Assert.True(errors.Fatal);
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public void Without_a_time_provider_the_system_clock_quiets_an_immediate_repeat()
    {
        var errors = new ClientErrors(_logger, "consumer");

        errors.Report(Transient());
        errors.Report(Transient());

        Assert.Single(_logger.Entries);
        Assert.False(errors.Fatal);
    }

    [Fact]
    public void Errors_held_back_are_logged_on_release_the_first_of_each_code_in_order()
    {
        var errors = Create();

        errors.Hold();
        errors.Report(Transient(reason: "refused"));
        errors.Report(Transient(ErrorCode.Local_AllBrokersDown, "1/1 brokers are down"));
        errors.Report(Transient(reason: "refused again"));
        var whileHeld = _logger.Entries.Count;
        errors.ReleaseHeld();
        errors.Report(Transient(ErrorCode.Local_Resolve, "no such host"));

        Assert.Equal(0, whileHeld);
        Assert.Equal(
            ["Local_Transport: refused", "Local_AllBrokersDown: 1/1 brokers are down", "Local_Resolve: no such host"],
            _logger.Entries.Select(e => e.Text));
    }

    [Fact]
    public void Discarded_errors_stay_unlogged_and_so_do_later_ones_but_not_a_fatal_one()
    {
        var errors = Create();

        errors.Hold();
        errors.Report(Transient(reason: "refused"));
        errors.DiscardHeld();
        errors.Report(Transient(ErrorCode.Local_AllBrokersDown, "1/1 brokers are down"));
        errors.Report(new Error(ErrorCode.Local_Fatal, "idempotence broken", isFatal: true));

        var (level, text) = Assert.Single(_logger.Entries);
        Assert.Equal((LogLevel.Critical, "Fatal producer error, stopping: idempotence broken"), (level, text));
        Assert.True(errors.Fatal);
    }

    /// <summary>A clock that only moves when told to.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private long _ticks = TimeSpan.FromHours(1).Ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
