using KafkaDemo.Cli;
using KafkaDemo.Consumer;
using KafkaDemo.Producer;

namespace KafkaDemo.UnitTests.Cli.Profiles;

// File modes are Unix permissions; on Windows the file is protected by its folder's ACL instead.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ClusterProfilesTests : IDisposable
{
    private const string Secret = "hunter2-in-profile";
    private readonly ProfileHome _home = new();

    public static readonly TheoryData<string, string[], string, string> MissingProfiles = new()
    {
        { "producer", ["--cluster", "nope"], "", "no cluster profile named 'nope'" },
        { "consumer", ["--cluster", "nope"], "", "no cluster profile named 'nope'" },
        { "consumer", ["lag", "--cluster", "nope"], "", "no cluster profile named 'nope'" },
        { "producer", [], "nope", "no cluster profile named 'nope'" },
        { "consumer", ["-b", "typed:9092", "-t", "t", "-g", "g"], "nope", "no cluster profile named 'nope'" },
    };

    [Theory]
    [MemberData(nameof(MissingProfiles))]
    public async Task A_profile_that_is_not_in_the_file_is_one_line_and_exit_code_2(string program, string[] args, string variable, string expected)
    {
        _home.Write("""{ "clusters": { "prod": { "bootstrapServers": "prod:9092" } } }""");
        var environment = _home.Environment(("KAFKA_CLUSTER", variable));

        var (exitCode, output, error) = await CommandLine.RunAsync(Program(program, environment), args);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Empty(output);
        Assert.Contains(expected, Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task A_current_profile_that_was_removed_from_the_file_by_hand_is_one_line_and_exit_code_2()
    {
        _home.Write("""{ "current": "gone", "clusters": {} }""");

        var (exitCode, _, error) = await CommandLine.RunAsync(ProducerCommand.Create(_home.Environment()), "-n", "1");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("the current cluster profile 'gone' is not in", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void Without_cluster_or_KAFKA_CLUSTER_the_current_profile_is_used()
    {
        _home.Write("""{ "current": "prod", "clusters": { "prod": { "bootstrapServers": "prod:9092", "topic": "orders" } } }""");

        var options = ProducerCommand.Bind([], _home.Environment());

        Assert.Equal("prod:9092", ProducerConfigFactory.Create(options).BootstrapServers);
        Assert.Equal("orders", options.Topic);
    }

    [Fact]
    public void KAFKA_CLUSTER_picks_a_profile_over_the_current_one_and_cluster_over_both()
    {
        _home.Write("""
            { "current": "a", "clusters": { "a": { "bootstrapServers": "a:9092" }, "b": { "bootstrapServers": "b:9092" }, "c": { "bootstrapServers": "c:9092" } } }
            """);
        var environment = _home.Environment(("KAFKA_CLUSTER", "b"));

        Assert.Equal("b:9092", ConsumerConfigFactory.Create(ConsumerCommand.Bind([], environment)).BootstrapServers);
        Assert.Equal("c:9092", ConsumerConfigFactory.Create(ConsumerCommand.Bind(["--cluster", "c"], environment)).BootstrapServers);
    }

    [Fact]
    public async Task A_secret_from_a_profile_in_a_rejected_property_value_never_reaches_stderr()
    {
        _home.Write($$"""{ "clusters": { "p": { "bootstrapServers": "p:9092", "properties": { "sasl.password": "{{Secret}}", "security.protocol": "{{Secret}}" } } } }""");

        var (exitCode, _, error) = await CommandLine.RunAsync(ProducerCommand.Create(_home.Environment()), "--cluster", "p", "-n", "1");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("security.protocol", error);
        Assert.DoesNotContain(Secret, error);
        Assert.Contains("[redacted]", error);
    }

    [Fact]
    public void A_secret_can_be_referenced_from_a_variable_or_a_file_instead_of_stored()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "from-file\n");
        _home.Write($$"""
            { "clusters": { "p": { "bootstrapServers": "p:9092",
                "properties": { "sasl.password": "env:PROFILE_PASSWORD", "ssl.key.password": "file:{{file}}" },
                "schemaRegistry": { "url": "http://r:8081", "auth": "env:PROFILE_REGISTRY_AUTH" } } } }
            """);
        try
        {
            var options = ConsumerCommand.Bind(["--cluster", "p"], _home.Environment(("PROFILE_PASSWORD", "from-variable"), ("PROFILE_REGISTRY_AUTH", "u:from-variable")));

            Assert.Equal("from-variable", options.ClientSettings["sasl.password"]);
            Assert.Equal("from-file", options.ClientSettings["ssl.key.password"]);
            Assert.Equal("u:from-variable", options.SchemaRegistry!.BasicAuthUserInfo);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_reference_to_an_unset_variable_is_one_line_naming_the_variable_and_exit_code_2()
    {
        _home.Write("""{ "clusters": { "p": { "bootstrapServers": "p:9092", "properties": { "sasl.password": "env:PROFILE_PASSWORD" } } } }""");

        var (exitCode, _, error) = await CommandLine.RunAsync(ProducerCommand.Create(_home.Environment()), "--cluster", "p", "-n", "1");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("sasl.password refers to environment variable PROFILE_PASSWORD, which is not set", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task A_run_on_a_profile_file_others_can_read_that_holds_a_password_warns_once()
    {
        _home.Write($$"""{ "clusters": { "p": { "bootstrapServers": "p:9092", "properties": { "sasl.password": "{{Secret}}" } } } }""");
        File.SetUnixFileMode(_home.File, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var (exitCode, _, error) = await CommandLine.RunAsync(ProducerCommand.Create(_home.Environment()), "explain-keys", "k", "--partitions", "3", "--cluster", "p");

        Assert.Equal(ExitCodes.Success, exitCode);
        var warning = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"'{_home.File}' holds a password and others can read it", warning);
        Assert.DoesNotContain(Secret, warning);
    }

    [Fact]
    public void The_help_of_each_option_a_profile_can_set_says_so()
    {
        var help = new StringWriter();
        ConsumerCommand.Create(_home.Environment()).Parse(["--help"]).Invoke(new System.CommandLine.InvocationConfiguration { Output = help });

        foreach (var option in new[] { "--bootstrap-servers", "--topic", "--group-id", "-X", "--schema-registry", "--schema-registry-auth", "--schema-registry-ca" })
        {
            var line = help.ToString().Split('\n').Single(l => l.Contains($"{option} <", StringComparison.Ordinal));
            Assert.Contains("[profile]", line);
        }
    }

    [Theory]
    [InlineData("producer")]
    [InlineData("consumer")]
    public async Task Help_shows_the_current_profiles_values_in_effect_but_never_its_secrets(string program)
    {
        _home.Write($$"""
            { "current": "p", "clusters": { "p": { "bootstrapServers": "p:9092",
                "properties": { "sasl.password": "{{Secret}}" }, "schemaRegistry": { "url": "http://r:8081", "auth": "u:{{Secret}}" } } } }
            """);

        var (exitCode, output, _) = await CommandLine.RunAsync(Program(program, _home.Environment()), "--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("[default: p:9092]", output);
        Assert.DoesNotContain(Secret, output);
    }

    public void Dispose() => _home.Dispose();

    private static System.CommandLine.RootCommand Program(string program, Func<string, string?> environment) =>
        program == "producer" ? ProducerCommand.Create(environment) : ConsumerCommand.Create(environment);
}
