using KafkaDemo.Producer;

namespace KafkaDemo.UnitTests.Producer;

public class ProducerCommandTests
{
    [Fact]
    public void Defaults_apply_when_neither_flag_nor_environment_is_set()
    {
        var parsed = ProducerCommand.Create(CommandLine.Environment()).Parse([]);

        Assert.Empty(parsed.Errors);
        Assert.Equal("localhost:9092", parsed.GetValue<string>("--bootstrap-servers"));
        Assert.Equal("notes-topic", parsed.GetValue<string>("--topic"));
        Assert.Equal(9, parsed.GetValue<int>("--count"));
        Assert.Equal(TimeSpan.FromSeconds(30), parsed.GetValue<TimeSpan>("--delivery-timeout"));
    }

    [Fact]
    public void The_environment_overrides_the_default()
    {
        var environment = CommandLine.Environment(("KAFKA_BOOTSTRAP_SERVERS", "kafka:29092"), ("KAFKA_TOPIC", "orders"));

        var parsed = ProducerCommand.Create(environment).Parse([]);

        Assert.Equal("kafka:29092", parsed.GetValue<string>("--bootstrap-servers"));
        Assert.Equal("orders", parsed.GetValue<string>("--topic"));
    }

    [Fact]
    public void A_flag_overrides_the_environment()
    {
        var environment = CommandLine.Environment(("KAFKA_BOOTSTRAP_SERVERS", "kafka:29092"));

        var parsed = ProducerCommand.Create(environment).Parse(["-b", "broker-1:9092"]);

        Assert.Equal("broker-1:9092", parsed.GetValue<string>("--bootstrap-servers"));
    }

    [Fact]
    public void An_empty_environment_variable_counts_as_unset()
    {
        var environment = CommandLine.Environment(("KAFKA_TOPIC", "  "));

        var parsed = ProducerCommand.Create(environment).Parse([]);

        Assert.Equal("notes-topic", parsed.GetValue<string>("--topic"));
    }

    [Fact]
    public async Task Help_names_each_environment_variable_and_default()
    {
        var (_, output, _) = await CommandLine.RunAsync(ProducerCommand.Create(CommandLine.Environment()), "--help");

        Assert.Contains("[env: KAFKA_BOOTSTRAP_SERVERS]", output);
        Assert.Contains("[env: KAFKA_TOPIC]", output);
        Assert.Contains("[default: localhost:9092]", output);
        Assert.Contains("[default: 9]", output);
    }

    [Fact]
    public async Task Help_lists_every_option_of_the_producer()
    {
        var (_, output, _) = await CommandLine.RunAsync(ProducerCommand.Create(CommandLine.Environment()), "--help");

        string[] options =
        [
            "--bootstrap-servers", "--topic", "--count", "--interval", "--rate", "--format", "--key-strategy", "--key", "--partition",
            "--partitioner", "--acks", "--idempotence", "--linger-ms", "--compression", "--header", "--threads", "--delivery-timeout",
            "--connect-timeout", "--input", "--input-format", "--key-separator", "--keep-partitions", "--create-topic", "--partitions",
            "--replication-factor", "--compact", "explain-keys", "--quiet", "--config", "-X", "--null-marker", "--transactional-id", "--transaction-size",
            "--schema-registry", "--schema-registry-auth", "--schema-registry-ca", "--value-schema", "--value-schema-id", "--key-schema", "--key-schema-id",
        ];
        Assert.All(options, option => Assert.Contains(option, output));
    }

    [Fact]
    public void Repeated_headers_and_properties_are_all_kept_in_order()
    {
        var parsed = ProducerCommand.Create(CommandLine.Environment())
            .Parse(["-H", "a=1", "--header", "b=x=y", "-X", "linger.ms=20", "-X", "batch.size=1000"]);

        Assert.Empty(parsed.Errors);
        Assert.Equal([KeyValuePair.Create("a", "1"), KeyValuePair.Create("b", "x=y")], parsed.GetValue<KeyValuePair<string, string>[]>("--header"));
        Assert.Equal([KeyValuePair.Create("linger.ms", "20"), KeyValuePair.Create("batch.size", "1000")], parsed.GetValue<KeyValuePair<string, string>[]>("-X"));
    }

    [Fact]
    public async Task A_secret_in_a_rejected_property_value_never_reaches_stderr()
    {
        var (exitCode, _, error) = await CommandLine.RunAsync(ProducerCommand.Create(CommandLine.Environment()),
            "-X", "sasl.password=hunter2", "-X", "security.protocol=hunter2", "-n", "1");

        Assert.Equal(2, exitCode);
        Assert.Contains("security.protocol", error);
        Assert.DoesNotContain("hunter2", error);
        Assert.Contains("[redacted]", error);
    }

    [Fact]
    public async Task A_secret_from_a_KAFKA_X_variable_is_masked_like_one_from_X()
    {
        KeyValuePair<string, string?>[] variables = [new("KAFKA_X_SASL_PASSWORD", "hunter3"), new("KAFKA_X_SECURITY_PROTOCOL", "hunter3")];

        var (exitCode, _, error) = await CommandLine.RunAsync(ProducerCommand.Create(CommandLine.Environment(), variables), "-n", "1");

        Assert.Equal(2, exitCode);
        Assert.Contains("security.protocol", error);
        Assert.DoesNotContain("hunter3", error);
    }

    // batch.num.messages=never is rejected by librdkafka (exit 2); when a later layer sets a valid value
    // instead, the run gets as far as the unreachable broker (exit 1).
    [Theory]
    [InlineData("never", null, 2)]
    [InlineData("never", "5", 1)]
    public async Task KAFKA_X_variables_override_the_config_file_and_X_overrides_them(string fromEnvironment, string? fromFlag, int expectedExitCode)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "batch.num.messages=5\n");
        KeyValuePair<string, string?>[] variables = [new("KAFKA_X_BATCH_NUM_MESSAGES", fromEnvironment)];
        string[] args = ["-b", "127.0.0.1:1", "--connect-timeout", "1s", "-n", "1", "--config", file, .. fromFlag is null ? [] : new[] { "-X", $"batch.num.messages={fromFlag}" }];

        var (exitCode, _, error) = await CommandLine.RunAsync(ProducerCommand.Create(CommandLine.Environment(), variables), args);

        Assert.Equal(expectedExitCode, exitCode);
        Assert.Equal(expectedExitCode == 2, error.Contains("batch.num.messages", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreadable_config_file_exits_2_with_one_line()
    {
        var (exitCode, _, error) = await CommandLine.RunAsync(ProducerCommand.Create(CommandLine.Environment()), "--config", "/no/such.properties");

        Assert.Equal(2, exitCode);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("--config: no such file '/no/such.properties'", error);
    }

    [Fact]
    public async Task Explain_keys_with_a_partition_count_needs_no_broker()
    {
        var (exitCode, output, error) = await CommandLine.RunAsync(ProducerCommand.Create(CommandLine.Environment()),
            "explain-keys", "21,foobar", "--partitions", "6", "--bootstrap-servers", "127.0.0.1:1");

        Assert.True(exitCode == 0, error);
        var line = output.Split('\n').Single(l => l.StartsWith("21 ", StringComparison.Ordinal));
        Assert.Contains($"[{(-973932308 & 0x7fffffff) % 6}]", line);
        Assert.Single(output.Split('\n'), l => l.StartsWith("foobar ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Explain_keys_takes_keys_as_separate_arguments_and_marks_the_partitioner_given()
    {
        var (exitCode, output, _) = await CommandLine.RunAsync(ProducerCommand.Create(CommandLine.Environment()),
            "explain-keys", "a", "b", "--partitions", "4", "--partitioner", "crc32");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("4 partitions; [n] marks --partitioner crc32", output);
        Assert.Equal(2, output.Split('\n').Count(l => l.StartsWith("a ", StringComparison.Ordinal) || l.StartsWith("b ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("-X", "partitioner=consistent_random", "4 partitions; [n] marks partitioner=consistent_random, the one in use", "[1]")]
    [InlineData("-X", "partitioner=fnv1a", "4 partitions; partitioner=fnv1a is in use, which places keys in a way no column predicts", null)]
    [InlineData("--partitioner", "murmur2", "4 partitions; [n] marks --partitioner murmur2, the one in use", "[2]")]
    public async Task Explain_keys_marks_the_partitioner_the_client_really_uses(string flag, string value, string header, string? marked)
    {
        var (exitCode, output, error) = await CommandLine.RunAsync(ProducerCommand.Create(CommandLine.Environment()),
            "explain-keys", "foobar", "--partitions", "4", "-X", "partitioner=consistent_random", flag, value);

        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n');
        Assert.Equal(header, lines[0]);
        var row = lines.Single(l => l.StartsWith("foobar ", StringComparison.Ordinal));
        Assert.Equal(marked is null ? 0 : 1, row.Count(c => c == '['));
        if (marked is not null)
        {
            Assert.Contains(marked, row);
        }
    }

    [Fact]
    public async Task Explaining_keys_for_a_one_partition_topic_warns()
    {
        var (_, _, error) = await CommandLine.RunAsync(ProducerCommand.Create(CommandLine.Environment()), "explain-keys", "a", "--partitions", "1");

        Assert.Contains("with 1 partition every key lands in partition 0", error);
    }

    [Fact]
    public async Task The_old_explain_keys_flag_still_works_and_says_where_it_moved()
    {
        var (exitCode, output, error) = await CommandLine.RunAsync(ProducerCommand.Create(CommandLine.Environment()), "--explain-keys", "a,b", "--partitions", "3");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("3 partitions;", output);
        Assert.Equal("note: --explain-keys moved to a subcommand: producer explain-keys k1,k2,…", error.Trim());
    }

    [Fact]
    public async Task Explain_keys_without_a_key_is_a_usage_error()
    {
        var (exitCode, _, error) = await CommandLine.RunAsync(ProducerCommand.Create(CommandLine.Environment()), "explain-keys", "--partitions", "3");

        Assert.Equal(2, exitCode);
        Assert.Contains("keys", error);
    }

    [Fact]
    public async Task Help_shows_duration_defaults_as_a_user_types_them()
    {
        var (producer, producerHelp, _) = await CommandLine.RunAsync(ProducerCommand.Create(CommandLine.Environment()), "--help");
        var (consumer, consumerHelp, _) = await CommandLine.RunAsync(global::KafkaDemo.Consumer.ConsumerCommand.Create(CommandLine.Environment()), "--help");

        Assert.Equal(0, producer);
        Assert.Equal(0, consumer);
        Assert.Contains("[default: 30s]", producerHelp);
        Assert.Contains("[default: 10s]", consumerHelp);
        Assert.DoesNotContain("00:00:", producerHelp + consumerHelp);
    }
}
