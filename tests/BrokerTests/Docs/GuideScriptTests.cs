namespace KafkaDemo.BrokerTests.Docs;

public sealed class GuideScriptTests
{
    [Fact]
    public void A_guide_s_bash_blocks_become_steps_in_order_with_what_each_promises()
    {
        var steps = GuideScript.Parse("""
            Prose.

            ```bash
            dotnet run --project src/LocalBroker   # terminal 1
            # expect: Created topic
            export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1   # paste what it printed
            # a comment for the reader
            dotnet run --project src/Producer -- --acks 1 \
              --idempotence true
            # exit code: 2
            # expect: refused
            # expect in terminal 1: accepted
            ```

            ```text
            not a command
            ```

            ```bash
            # not tested: needs Docker
            docker compose up
            ```
            """);

        Assert.Collection(steps,
            broker =>
            {
                Assert.Equal(1, broker.Terminal);
                Assert.Equal(["Created topic"], broker.Expectations);
                Assert.Equal("dotnet run --project src/LocalBroker", GuideScript.Runnable(broker));
            },
            export => Assert.True(export.PastesFromTerminal),
            producer =>
            {
                Assert.Equal("dotnet run --project src/Producer -- --acks 1 --idempotence true", producer.Command);
                Assert.Equal(8, producer.Line);
                Assert.Equal(2, producer.ExpectedExitCode);
                Assert.Equal(["refused"], producer.Expectations);
                Assert.Equal([(1, "accepted")], producer.TerminalExpectations);
                Assert.Null(producer.Terminal);
            },
            docker =>
            {
                Assert.Equal("docker compose up", docker.Command);
                Assert.Equal("needs Docker", docker.NotRunReason);
            });
    }

    [Fact]
    public void A_promise_before_any_command_is_refused_rather_than_ignored()
    {
        var error = Assert.Throws<FormatException>(() => GuideScript.Parse("```bash\n# expect: something\n```\n"));

        Assert.Contains("line 2", error.Message);
    }
}
