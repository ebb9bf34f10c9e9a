using KafkaDemo.Consumer;
using KafkaDemo.LocalBroker;
using KafkaDemo.Producer;

namespace KafkaDemo.UnitTests.Cli.Completion;

public class CompletionCommandTests
{
    [Theory]
    [InlineData("bash", "complete -o default -F _kafkademo_complete KafkaDemo.Consumer kafkademo-consumer")]
    [InlineData("zsh", "compdef _kafkademo_complete KafkaDemo.Consumer kafkademo-consumer")]
    [InlineData("fish", "for command in KafkaDemo.Consumer kafkademo-consumer")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName 'KafkaDemo.Consumer', 'kafkademo-consumer'")]
    public async Task Each_shell_gets_a_script_for_the_program_under_both_its_names(string shell, string registration)
    {
        var (exitCode, output, error) = await CommandLine.RunAsync(ConsumerCommand.Create(CommandLine.Environment()), "completion", shell);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains(registration, output);
        Assert.DoesNotContain("@COMMAND", output);
        Assert.DoesNotContain("@NAME@", output);
    }

    [Fact]
    public async Task The_producer_and_the_broker_name_themselves_in_their_scripts()
    {
        var (_, producer, _) = await CommandLine.RunAsync(ProducerCommand.Create(CommandLine.Environment()), "completion", "bash");
        var (_, broker, _) = await CommandLine.RunAsync(LocalBrokerCommand.Create(), "completion", "fish");

        Assert.Contains("complete -o default -F _kafkademo_complete KafkaDemo.Producer kafkademo-producer", producer);
        Assert.Contains("for command in KafkaDemo.LocalBroker kafkademo-broker", broker);
    }

    [Fact]
    public async Task A_shell_without_a_script_is_a_one_line_usage_error()
    {
        var (exitCode, output, error) = await CommandLine.RunAsync(ProducerCommand.Create(CommandLine.Environment()), "completion", "tcsh");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("'tcsh'", error);
    }

    [Fact]
    public async Task Topic_names_come_from_the_cluster_named_on_the_line_so_far()
    {
        using var cluster = MockCluster.Start(1);
        cluster.CreateTopic("orders", 1);
        cluster.CreateTopic("order-returns", 1);
        cluster.CreateTopic("payments", 1);
        var line = $"KafkaDemo.Consumer -b {cluster.BootstrapServers} --topic order";

        var (exitCode, output, _) = await CommandLine.RunAsync(ConsumerCommand.Create(CommandLine.Environment()), $"[suggest:{line.Length}]", line);

        Assert.Equal(0, exitCode);
        Assert.Equal(["order-returns", "orders"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task The_bootstrap_servers_may_come_from_the_environment()
    {
        using var cluster = MockCluster.Start(1);
        cluster.CreateTopic("from-env", 1);
        var line = "KafkaDemo.Producer explain-keys a -t from";

        var (exitCode, output, _) = await CommandLine.RunAsync(
            ProducerCommand.Create(CommandLine.Environment(("KAFKA_BOOTSTRAP_SERVERS", cluster.BootstrapServers))), $"[suggest:{line.Length}]", line);

        Assert.Equal(0, exitCode);
        Assert.Equal(["from-env"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task A_cluster_that_does_not_answer_completes_nothing_and_says_nothing()
    {
        // A port nothing listens on: connection refused at once, then the timeout.
        var line = "KafkaDemo.Consumer -b 127.0.0.1:1 -g ";

        var (exitCode, output, error) = await CommandLine.RunAsync(ConsumerCommand.Create(CommandLine.Environment()), $"[suggest:{line.Length}]", line);

        Assert.Equal(0, exitCode);
        Assert.Equal("", output.Trim());
        Assert.Equal("", error);
    }
}
