using KafkaDemo.Consumer;

namespace KafkaDemo.UnitTests.Consumer;

public class ConsumeSummaryReportTests
{
    private static readonly DateTime Started = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_first_message_is_timed_from_the_process_start_right_under_the_counts()
    {
        var summary = new ConsumeSummary(3, 3, 0, 0, false) { FirstHandledUtc = Started.AddMilliseconds(412) };

        var lines = ConsumeSummaryReport.Render(summary, TimeSpan.FromSeconds(1), at => at - Started);

        Assert.Equal("Summary: consumed 3, shown 3, filtered out 0, invalid 0, sent to DLQ 0 in 1.00 s", lines[0]);
        Assert.Equal("First message handled 0.412 s after the process started", lines[1]);
    }

    [Fact]
    public void A_run_that_handled_nothing_has_no_first_message_line()
    {
        var lines = ConsumeSummaryReport.Render(new ConsumeSummary(0, 0, 0, 0, false), TimeSpan.FromSeconds(1), at => at - Started);

        Assert.Equal(["Summary: consumed 0, shown 0, filtered out 0, invalid 0, sent to DLQ 0 in 1.00 s"], lines);
    }
}
