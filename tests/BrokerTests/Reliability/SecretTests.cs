using KafkaDemo.LocalBroker;

namespace KafkaDemo.BrokerTests.Reliability;

// The real programs, as processes, so that everything they print is captured: logs, librdkafka's
// own lines, errors and summaries.
public class SecretTests
{
    private const string FileSecret = "file-secret-7f3a";
    private const string FlagSecret = "flag-secret-9c2e";
    private const string EnvironmentSecret = "env-secret-41d8";

    [Theory]
    [InlineData("KafkaDemo.Producer.dll", "-n 3")]
    [InlineData("KafkaDemo.Consumer.dll", "--idle-timeout 3s")]
    public async Task Secrets_from_the_config_file_the_environment_and_X_never_appear_in_any_output(string program, string extra)
    {
        using var cluster = MockCluster.Start(brokerCount: 1);
        cluster.CreateTopic("notes-topic", 1);
        var config = Path.GetTempFileName();
        await File.WriteAllTextAsync(config, $"sasl.username=alice\nsasl.password={FileSecret}\nsasl.mechanisms=PLAIN\nsecurity.protocol=SASL_PLAINTEXT\n");
        // The variable overrides the file's password, so it is the secret the client really uses.
        var environment = new Dictionary<string, string> { ["KAFKA_X_SASL_PASSWORD"] = EnvironmentSecret };

        // The mock broker does not speak SASL, so authentication fails and the programs report errors.
        var (exitCode, stdout, stderr) = await ProgramProcess.RunAsync(program,
            $"-b {cluster.BootstrapServers} --config {config} -X ssl.key.password={FlagSecret} --connect-timeout 3s -v {extra}", environment);

        var output = stdout + stderr;
        Assert.Equal(1, exitCode);
        Assert.Contains("Cannot reach any broker", output);
        Assert.NotEmpty(output);
        Assert.DoesNotContain(FileSecret, output);
        Assert.DoesNotContain(FlagSecret, output);
        Assert.DoesNotContain(EnvironmentSecret, output);
    }
}
