using KafkaDemo.Cli;

namespace KafkaDemo.BrokerTests;

// The programs as processes: their logs go to the real stderr.
public class ConfigFileAddressTests
{
    [Theory]
    [InlineData("KafkaDemo.Producer.dll")]
    [InlineData("KafkaDemo.Consumer.dll")]
    public async Task An_unreachable_broker_set_in_the_config_file_is_the_one_the_error_names_in_one_line(string program)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "bootstrap.servers=127.0.0.1:1\n");

        var (exitCode, _, error) = await ProgramProcess.RunAsync(program, $"--config {file} --connect-timeout 1s");

        Assert.Equal(ExitCodes.Failure, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("Cannot reach any broker at 127.0.0.1:1 within 1s", line);
    }
}
