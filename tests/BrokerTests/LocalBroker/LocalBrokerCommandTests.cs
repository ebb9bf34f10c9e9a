using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.LocalBroker;

namespace KafkaDemo.BrokerTests.LocalBroker;

public class LocalBrokerCommandTests
{
    [Fact]
    public async Task Prints_its_bootstrap_servers_pre_creates_topics_and_stops_cleanly_when_cancelled()
    {
        var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = CommandLineHost.InvokeAsync(
            LocalBrokerCommand.Create(), ["--brokers", "2", "--topic", "alpha:5", "--topic", "beta"], output, new StringWriter(), stop.Token);

        var bootstrap = await FirstLineAsync(output, run);
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build())
        {
            var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
            Assert.Equal(2, metadata.Brokers.Count);
            Assert.Equal(5, metadata.Topics.Single(t => t.Topic == "alpha").Partitions.Count);
            Assert.Equal(TopicSpec.DefaultPartitions, metadata.Topics.Single(t => t.Topic == "beta").Partitions.Count);
        }

        await stop.CancelAsync();

        Assert.Equal(ExitCodes.Success, await run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Matches(@"^127\.0\.0\.1:\d+,127\.0\.0\.1:\d+$", bootstrap);
    }

    [Fact]
    public async Task With_exit_on_stdin_close_it_stops_by_itself_once_its_input_ends()
    {
        var output = new StringWriter();
        var input = new InputThatEndsOnRequest();
        var run = CommandLineHost.InvokeAsync(
            LocalBrokerCommand.Create(input), ["--brokers", "1", "--exit-on-stdin-close"], output, new StringWriter(), CancellationToken.None);
        await FirstLineAsync(output, run);
        Assert.False(run.IsCompleted);

        input.End();

        Assert.Equal(ExitCodes.Success, await run.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task With_exit_on_stdin_close_and_no_input_at_all_it_stops_cleanly_after_starting()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await CommandLineHost.InvokeAsync(
            LocalBrokerCommand.Create(new StringReader(string.Empty)), ["--brokers", "1", "--exit-on-stdin-close"], output, error, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(string.Empty, error.ToString());
        Assert.Matches(@"^127\.0\.0\.1:\d+\r?\n$", output.ToString());
    }

    // Standard input of a parent that is still alive: reads block until the parent goes away.
    private sealed class InputThatEndsOnRequest : TextReader
    {
        private readonly ManualResetEventSlim _ended = new();

        public void End() => _ended.Set();

        public override int Read()
        {
            _ended.Wait();
            return -1;
        }
    }

    private static async Task<string> FirstLineAsync(StringWriter output, Task<int> run)
    {
        for (var attempt = 0; attempt < 200 && !run.IsCompleted; attempt++)
        {
            var text = output.ToString();
            if (text.Contains('\n'))
            {
                return text[..text.IndexOf('\n')].TrimEnd('\r');
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"LocalBroker printed no bootstrap line (exited: {run.IsCompleted})");
    }
}
