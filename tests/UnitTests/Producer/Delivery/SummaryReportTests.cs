using KafkaDemo.Producer;
using KafkaDemo.Producer.Delivery;
using KafkaDemo.Producer.Transactions;

namespace KafkaDemo.UnitTests.Producer.Delivery;

public class SummaryReportTests
{
    [Fact]
    public void A_run_whose_transactions_all_committed_says_how_many_and_with_how_many_messages()
    {
        var line = SummaryReport.TransactionLine(new TransactionOutcome("orders-tx", 3, 10, 0, 0, null));

        Assert.Equal("Transactions (transactional.id orders-tx): committed 3 (10 messages)", line);
    }

    [Fact]
    public void An_aborted_transaction_is_reported_with_its_messages_and_its_reason()
    {
        var line = SummaryReport.TransactionLine(new TransactionOutcome("tx", 2, 8, 1, 4, "an input line was rejected"));

        Assert.Equal("Transactions (transactional.id tx): committed 2 (8 messages), aborted 1 (4 messages) because an input line was rejected", line);
    }

    [Fact]
    public void A_transaction_that_could_not_be_ended_is_said_to_be_so()
    {
        var line = SummaryReport.TransactionLine(new TransactionOutcome("tx", 0, 0, 0, 0, null) { Unfinished = true });

        Assert.EndsWith("; the last one could not be ended (see the errors above)", line);
    }

    [Fact]
    public void Transactions_that_never_started_say_nothing_was_sent_and_fail_the_run()
    {
        var outcome = new TransactionOutcome("tx", 0, 0, 0, 0, null) { NeverStarted = true };

        Assert.Equal("Transactions (transactional.id tx): none started, nothing sent (see the error above)", SummaryReport.TransactionLine(outcome));
        Assert.False(new ProduceSummary(0, 0, 0, false) { Transactions = outcome }.Succeeded);
    }

    [Fact]
    public void The_summary_carries_the_transaction_line_right_after_the_counts()
    {
        var summary = new ProduceSummary(5, 0, 5, false) { Transactions = new TransactionOutcome("tx", 0, 0, 1, 5, "the run was interrupted") };

        var lines = SummaryReport.Render(summary, new DeliveryStats(), TimeSpan.FromSeconds(1), "notes");

        Assert.StartsWith("Summary for notes: sent 5, delivered 0, failed 5", lines[0]);
        Assert.Equal("Transactions (transactional.id tx): committed 0 (0 messages), aborted 1 (5 messages) because the run was interrupted", lines[1]);
    }

    [Theory]
    [InlineData(0, false, true)]
    [InlineData(1, false, false)]
    [InlineData(0, true, false)]
    public void A_transactional_run_succeeds_only_when_every_transaction_committed(int aborted, bool unfinished, bool succeeded)
    {
        var outcome = new TransactionOutcome("tx", 1, 5, aborted, aborted * 2, aborted > 0 ? "a message was not delivered" : null) { Unfinished = unfinished };

        Assert.Equal(succeeded, new ProduceSummary(5, 5, 0, false) { Transactions = outcome }.Succeeded);
    }
}
