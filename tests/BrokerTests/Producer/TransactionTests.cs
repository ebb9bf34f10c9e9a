using KafkaDemo.Cli;
using KafkaDemo.Consumer;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Producer;

// What a transactional run does is tested on every broker: commits, aborts, their reasons, exit
// codes, and read_committed consumers reading past the transaction markers to the end. What
// read_committed hides is tested on a real Kafka only: librdkafka's mock broker runs transactions
// but serves aborted messages to read_committed consumers too (the last test pins that down).
[Collection(BrokerCollection.Name)]
public class TransactionTests(BrokerFixture broker)
{
    private const string HidingNeedsRealKafka =
        "needs a real Kafka (KAFKA_BOOTSTRAP_SERVERS or Docker for Testcontainers): the embedded broker does not hide aborted messages from read_committed consumers";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private Task<(int ExitCode, string Output, string Error)> Produce(string topic, params string[] args) =>
        CommandRunner.RunAsync(ProducerCommand.Create(_ => null), ["-b", broker.BootstrapServers, "-t", topic, "-q", .. args]).WaitAsync(Bound);

    private async Task<string[]> ReadToEnd(string topic, string isolation)
    {
        var (exitCode, output, error) = await CommandRunner.RunAsync(ConsumerCommand.Create(_ => null),
            "-b", broker.BootstrapServers, "-t", topic, "-g", $"{topic}-{isolation}", "--exit-at-end", "-o", "raw", "--isolation-level", isolation, "-q").WaitAsync(Bound);
        Assert.True(exitCode == ExitCodes.Success, error);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Lines(params string[] lines)
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, lines);
        return file;
    }

    [Fact]
    public async Task A_transactional_run_commits_the_whole_run_in_one_transaction_and_read_committed_reads_it_to_the_end()
    {
        var topic = await broker.CreateTopicAsync("tx-whole", 3);

        var (exitCode, _, error) = await Produce(topic, "--transactional-id", topic, "-n", "9");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains($"Transactions (transactional.id {topic}): committed 1 (9 messages)", error);
        Assert.Equal(9, (await ReadToEnd(topic, "read_committed")).Length);
    }

    [Fact]
    public async Task A_transaction_size_commits_every_n_messages_and_the_rest_at_the_end()
    {
        var topic = await broker.CreateTopicAsync("tx-size", 3);

        var (exitCode, _, error) = await Produce(topic, "--transactional-id", topic, "-n", "10", "--transaction-size", "4");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("committed 3 (10 messages)", error);
    }

    [Fact]
    public async Task A_rejected_input_line_aborts_the_open_transaction_keeps_the_committed_ones_and_sends_nothing_more()
    {
        var topic = await broker.CreateTopicAsync("tx-rejected", 1);
        var input = Lines("""{"value":"one"}""", """{"value":"two"}""", "not an envelope", """{"value":"four"}""");

        var (exitCode, _, error) = await Produce(topic, "--transactional-id", topic, "--transaction-size", "1", "-i", input, "--input-format", "jsonl");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("Summary for " + topic + ": sent 2, delivered 2", error);
        Assert.Contains("committed 2 (2 messages), aborted 1 (0 messages) because an input line was rejected", error);
        Assert.Equal(["one", "two"], await ReadToEnd(topic, "read_uncommitted"));
    }

    [Fact]
    public async Task A_message_that_cannot_be_delivered_aborts_the_transaction_and_fails_the_run()
    {
        var topic = await broker.CreateTopicAsync("tx-undeliverable", 1);

        var (exitCode, _, error) = await Produce(topic, "--transactional-id", topic, "-i", Lines("a", "b"), "--partition", "5");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("aborted 1 (", error);
        // The failed delivery report can come in before the commit starts, or make the commit fail.
        Assert.Matches("because (a message was not delivered|the commit failed: .*failed delivery)", error);
    }

    [Fact]
    public async Task Cancelling_a_transactional_run_aborts_the_open_transaction()
    {
        var topic = await broker.CreateTopicAsync("tx-cancelled", 1);
        var options = new ProducerOptions(broker.BootstrapServers, topic, 0, TimeSpan.FromSeconds(30))
        {
            ClientSettings = new Dictionary<string, string> { ["transactional.id"] = topic },
            Interval = TimeSpan.FromMilliseconds(20),
            Quiet = true,
        };
        var producer = new NoteProducer(options, new StringWriter(), new ListLogger());
        using var stop = new CancellationTokenSource();

        var run = producer.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => producer.Stats.Delivered >= 3, "three events were delivered inside the open transaction");
        await stop.CancelAsync();
        var summary = await run.WaitAsync(Bound);

        Assert.False(summary.Succeeded);
        Assert.Equal((0, 1, "the run was interrupted"), (summary.Transactions!.Committed, summary.Transactions.Aborted, summary.Transactions.AbortReason));
        Assert.Equal(summary.Sent, summary.Transactions.AbortedMessages);
    }

    [Fact]
    public async Task A_transactional_id_the_cluster_refuses_fails_the_run_at_once_and_sends_nothing()
    {
        using var cluster = KafkaDemo.LocalBroker.MockCluster.Start(brokerCount: 1);
        cluster.CreateTopic("t", 1);
        cluster.PushRequestErrors(KafkaDemo.LocalBroker.KafkaApi.InitProducerId,
            Confluent.Kafka.ErrorCode.TransactionalIdAuthorizationFailed, Confluent.Kafka.ErrorCode.TransactionalIdAuthorizationFailed);

        var (exitCode, _, error) = await CommandRunner.RunAsync(ProducerCommand.Create(_ => null),
            "-b", cluster.BootstrapServers, "-t", "t", "-q", "--transactional-id", "refused", "-n", "3").WaitAsync(Bound);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("Transactions (transactional.id refused): none started, nothing sent", error);
        Assert.Empty(TopicReader.ReadAll(cluster.BootstrapServers, "t", 0, TimeSpan.Zero));
    }

    [SkippableFact]
    public async Task Aborted_messages_are_hidden_from_read_committed_and_shown_to_read_uncommitted()
    {
        Skip.If(broker.Cluster is not null, HidingNeedsRealKafka);
        var topic = await ProduceCommittedAbortedCommitted();

        Assert.Equal(["c1", "c2", "c3", "c4", "c5", "c6", "c7"], await ReadToEnd(topic, "read_committed"));
        Assert.Equal(12, (await ReadToEnd(topic, "read_uncommitted")).Length);
    }

    [SkippableFact]
    public async Task On_the_embedded_broker_read_committed_still_sees_aborted_messages()
    {
        Skip.If(broker.Cluster is null, "pins down a limit of the embedded broker; a real Kafka hides aborted messages (see the test above)");
        var topic = await ProduceCommittedAbortedCommitted();

        Assert.Equal(12, (await ReadToEnd(topic, "read_committed")).Length);
    }

    [SkippableFact]
    public async Task A_producer_killed_mid_transaction_leaves_nothing_visible_once_the_next_run_with_its_id_starts()
    {
        Skip.If(broker.Cluster is not null, HidingNeedsRealKafka);
        var topic = await broker.CreateTopicAsync("tx-killed", 1);

        await using (var killed = StdinProducer.Start(broker.BootstrapServers, topic, "--transactional-id", topic))
        {
            await killed.SendAndWaitForDeliveries("lost-1", "lost-2", "lost-3");
            await killed.KillAsync(); // SIGKILL inside the open transaction: no abort, no commit.
        }

        var (exitCode, _, error) = await Produce(topic, "--transactional-id", topic, "-i", Lines("kept-1", "kept-2"));

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Equal(["kept-1", "kept-2"], await ReadToEnd(topic, "read_committed"));
        Assert.Equal(5, (await ReadToEnd(topic, "read_uncommitted")).Length);
    }

    // 5 committed; 5 aborted once they are in the log (a sixth input line is rejected after their
    // deliveries); 2 committed; all on one partition.
    private async Task<string> ProduceCommittedAbortedCommitted()
    {
        var topic = await broker.CreateTopicAsync("tx-hidden", 1);
        Assert.Equal(ExitCodes.Success, (await Produce(topic, "--transactional-id", topic, "-i", Lines("c1", "c2", "c3", "c4", "c5"))).ExitCode);

        await using (var aborting = StdinProducer.Start(broker.BootstrapServers, topic, "--transactional-id", topic, "--input-format", "jsonl"))
        {
            await aborting.SendAndWaitForDeliveries([.. Enumerable.Range(1, 5).Select(n => $$"""{"value":"a{{n}}"}""")]);
            Assert.Equal(ExitCodes.Failure, await aborting.EndInputAsync("not an envelope"));
        }

        Assert.Equal(ExitCodes.Success, (await Produce(topic, "--transactional-id", topic, "-i", Lines("c6", "c7"))).ExitCode);
        return topic;
    }
}
