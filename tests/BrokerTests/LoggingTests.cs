using System.Text.Json;
using KafkaDemo.LocalBroker;

namespace KafkaDemo.BrokerTests;

// The real programs as processes, so that stderr is exactly what a log pipeline would receive.
public class LoggingTests
{
    [Theory]
    [InlineData("KafkaDemo.Producer.dll", "-n 3")]
    [InlineData("KafkaDemo.Consumer.dll", "--idle-timeout 2s")]
    public async Task With_json_logs_every_stderr_line_is_one_json_object_and_events_stay_on_stdout(string program, string extra)
    {
        using var cluster = MockCluster.Start(brokerCount: 1);
        cluster.CreateTopic("notes-topic", 1);
        if (program.Contains("Consumer", StringComparison.Ordinal))
        {
            await new KafkaDemo.Producer.NoteProducer(new KafkaDemo.Producer.ProducerOptions(cluster.BootstrapServers, "notes-topic", 3, TimeSpan.FromSeconds(30)),
                new StringWriter(), new ListLogger()).RunAsync(CancellationToken.None);
        }

        var (exitCode, stdout, stderr) = await ProgramProcess.RunAsync(program, $"-b {cluster.BootstrapServers} --log-format json {extra}");

        Assert.Equal(0, exitCode);
        Assert.Equal(3, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
        });
    }

    [Fact]
    public async Task Quiet_keeps_only_warnings_and_errors_on_stderr()
    {
        using var cluster = MockCluster.Start(brokerCount: 1);
        cluster.CreateTopic("notes-topic", 1);

        var (exitCode, stdout, stderr) = await ProgramProcess.RunAsync("KafkaDemo.Producer.dll", $"-b {cluster.BootstrapServers} -n 3 --quiet --log-format json");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.DoesNotContain("\"LogLevel\":\"Information\"", stderr);
    }
}
