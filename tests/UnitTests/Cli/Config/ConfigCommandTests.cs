using KafkaDemo.Cli;
using KafkaDemo.Consumer;
using KafkaDemo.Producer;
using KafkaDemo.UnitTests.Cli.Profiles;

namespace KafkaDemo.UnitTests.Cli.Config;

// `config` through the programs' own command lines, in a temporary XDG_CONFIG_HOME: what one
// program writes, the other reads.
// File modes are Unix permissions; on Windows the file is protected by its folder's ACL instead.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ConfigCommandTests : IDisposable
{
    private readonly ProfileHome _home = new();

    [Fact]
    public async Task Add_list_use_show_and_remove_round_trip_through_both_programs()
    {
        var added = await Producer("config", "add", "prod", "-b", "p1:9093,p2:9093", "-X", "security.protocol=SASL_SSL", "--schema-registry", "https://r:8081", "-t", "orders", "-g", "audit");
        await Consumer("config", "add", "local", "-b", "127.0.0.1:9092");

        var listed = await Consumer("config", "list");
        var used = await Producer("config", "use", "prod");
        var listedAfterUse = await Consumer("config", "list");
        var shown = await Producer("config", "show");
        var removed = await Consumer("config", "remove", "prod");
        var listedAfterRemove = await Producer("config", "list");

        Assert.Equal(ExitCodes.Success, added.ExitCode);
        Assert.Contains("Added cluster profile 'prod'", added.Output);
        Assert.Equal(["local", "prod"], Rows(listed.Output).Select(r => r[0]));
        Assert.Contains("No profile is current", listed.Output);
        Assert.Contains("'prod' is current", used.Output);
        Assert.Equal(["local 127.0.0.1:9092", "* prod p1:9093,p2:9093 orders audit https://r:8081"], Rows(listedAfterUse.Output).Select(r => string.Join(' ', r)));
        Assert.Contains("name: prod (current)", shown.Output);
        Assert.Contains("-X security.protocol: SASL_SSL", shown.Output);
        Assert.Contains("it was current", removed.Output);
        Assert.Equal(["local"], Rows(listedAfterRemove.Output).Select(r => r[0]));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_home.File));
    }

    [Fact]
    public async Task A_profile_added_by_one_program_is_the_cluster_the_other_connects_to()
    {
        await Consumer("config", "add", "staging", "-b", "staging:9092", "-t", "staged");

        var options = ProducerCommand.Bind(["--cluster", "staging"], _home.Environment());

        Assert.Equal(("staging:9092", "staged"), (ProducerConfigFactory.Create(options).BootstrapServers, options.Topic));
    }

    [Fact]
    public async Task Show_masks_secrets_stored_in_the_file_and_shows_references()
    {
        await Producer("config", "add", "p", "-b", "p:9092", "-X", "sasl.username=app", "-X", "sasl.password=hunter2",
            "-X", "ssl.key.password=env:KEY_PASSWORD", "--schema-registry", "https://r:8081", "--schema-registry-auth", "reg:hunter3");

        var (exitCode, output, error) = await Consumer("config", "show", "p");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(error);
        Assert.DoesNotContain("hunter2", output);
        Assert.DoesNotContain("hunter3", output);
        Assert.Contains("-X sasl.password: [redacted]", output);
        Assert.Contains("-X sasl.username: app", output);
        Assert.Contains("-X ssl.key.password: env:KEY_PASSWORD", output);
        Assert.Contains("schema registry auth: reg:[redacted]", output);
    }

    [Fact]
    public async Task Listing_a_file_others_can_read_that_holds_a_password_warns_on_stderr_in_one_line()
    {
        await Producer("config", "add", "p", "-b", "p:9092", "-X", "sasl.password=hunter2");
        File.SetUnixFileMode(_home.File, (UnixFileMode)Convert.ToInt32("644", 8));

        var (exitCode, output, error) = await Consumer("config", "list");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("p:9092", output);
        Assert.Contains("chmod 600", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Theory]
    [InlineData("show", "nope")]
    [InlineData("remove", "nope")]
    [InlineData("use", "nope")]
    public async Task A_name_that_is_not_in_the_file_is_one_line_and_exit_code_2(params string[] args)
    {
        await Producer("config", "add", "p", "-b", "p:9092");

        var (exitCode, output, error) = await Consumer(["config", .. args]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Empty(output);
        Assert.Contains("no cluster profile named 'nope'", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Use_none_leaves_no_profile_current_so_runs_take_the_defaults_again()
    {
        await Producer("config", "add", "p", "-b", "p:9092");
        await Producer("config", "use", "p");

        var (exitCode, _, _) = await Consumer("config", "use", "--none");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("localhost:9092", ProducerConfigFactory.Create(ProducerCommand.Bind([], _home.Environment())).BootstrapServers);
    }

    [Theory]
    [InlineData("config", "add", "bad name", "-b", "h:1")]
    [InlineData("config", "add", "p")]
    [InlineData("config", "use")]
    public async Task A_malformed_config_command_is_a_usage_error(params string[] args)
    {
        var (exitCode, _, error) = await Producer(args);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(_home.File));
    }

    [Fact]
    public async Task A_wrong_KAFKA_CLUSTER_does_not_stop_config_from_mending_the_file()
    {
        await Producer("config", "add", "p", "-b", "p:9092");

        var (exitCode, output, _) = await CommandLine.RunAsync(ConsumerCommand.Create(_home.Environment(("KAFKA_CLUSTER", "gone"))), "config", "list");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("p:9092", output);
    }

    public void Dispose() => _home.Dispose();

    private static List<string[]> Rows(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Where(l => !l.StartsWith("No profile", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    private Task<(int ExitCode, string Output, string Error)> Producer(params string[] args) =>
        CommandLine.RunAsync(ProducerCommand.Create(_home.Environment()), args);

    private Task<(int ExitCode, string Output, string Error)> Consumer(params string[] args) =>
        CommandLine.RunAsync(ConsumerCommand.Create(_home.Environment()), args);
}
