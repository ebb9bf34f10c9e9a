using KafkaDemo.Consumer;
using KafkaDemo.Consumer.Bounds;

namespace KafkaDemo.UnitTests.Consumer;

public class ConsumerCommandTests
{
    [Fact]
    public void Defaults_read_everything_from_the_start_for_ever()
    {
        var parsed = ConsumerCommand.Create(CommandLine.Environment()).Parse([]);

        Assert.Empty(parsed.Errors);
        Assert.Equal("notes-consumer", parsed.GetValue<string>("--group-id"));
        Assert.Null(parsed.GetValue<string?>("--event-type"));
        Assert.Equal(StartPosition.Earliest, parsed.GetValue<StartPosition>("--from"));
        Assert.Equal(0, parsed.GetValue<int>("--max-messages"));
        Assert.Null(parsed.GetValue<TimeSpan?>("--idle-timeout"));
    }

    [Fact]
    public void The_demo_command_line_parses_to_a_filter_and_a_group()
    {
        var parsed = ConsumerCommand.Create(CommandLine.Environment())
            .Parse(["--event-type", "note_created", "--group-id", "demo-group", "--from", "latest", "--idle-timeout", "10s"]);

        Assert.Empty(parsed.Errors);
        Assert.Equal("note_created", parsed.GetValue<string?>("--event-type"));
        Assert.Equal("demo-group", parsed.GetValue<string>("--group-id"));
        Assert.Equal(StartPosition.Latest, parsed.GetValue<StartPosition>("--from"));
        Assert.Equal(TimeSpan.FromSeconds(10), parsed.GetValue<TimeSpan?>("--idle-timeout"));
    }

    [Fact]
    public void Tail_and_until_bind_to_a_start_and_a_bound()
    {
        var options = ConsumerCommand.Bind(["--tail", "5", "--until", "@100"], CommandLine.Environment());

        Assert.Equal(StartPosition.Tail(5), options.From);
        Assert.Equal(new UntilBound(UntilKind.Offset, 100), options.Until);
    }

    [Fact]
    public void Without_tail_or_until_the_start_is_from_and_nothing_bounds_the_run()
    {
        var options = ConsumerCommand.Bind(["--from", "latest"], CommandLine.Environment());

        Assert.Equal(StartPosition.Latest, options.From);
        Assert.Null(options.Until);
    }

    [Fact]
    public void The_group_falls_back_to_KAFKA_GROUP_ID()
    {
        var parsed = ConsumerCommand.Create(CommandLine.Environment(("KAFKA_GROUP_ID", "billing"))).Parse([]);

        Assert.Equal("billing", parsed.GetValue<string>("--group-id"));
    }

    [Fact]
    public void The_schema_registry_binds_from_its_options_or_its_variables_and_is_absent_without_them()
    {
        var typed = ConsumerCommand.Bind(["--schema-registry", "http://registry:8081", "--schema-registry-auth", "u:p"], CommandLine.Environment());
        var fromEnvironment = ConsumerCommand.Bind([], CommandLine.Environment(("SCHEMA_REGISTRY_URL", "http://env:8081"), ("SCHEMA_REGISTRY_CA", "ca.pem")));
        var none = ConsumerCommand.Bind([], CommandLine.Environment());

        Assert.Equal(new KafkaDemo.Clients.SchemaRegistrySettings("http://registry:8081", "u:p"), typed.SchemaRegistry);
        Assert.Equal(new KafkaDemo.Clients.SchemaRegistrySettings("http://env:8081", CaLocation: "ca.pem"), fromEnvironment.SchemaRegistry);
        Assert.Null(none.SchemaRegistry);
    }

    [Theory]
    [InlineData]
    [InlineData("lag")]
    [InlineData("topics")]
    [InlineData("reset-offsets")]
    [InlineData("copy")]
    public async Task Each_commands_help_states_the_fallback_rule_and_names_every_variable(params string[] command)
    {
        var (_, output, _) = await CommandLine.RunAsync(ConsumerCommand.Create(CommandLine.Environment()), [.. command, "--help"]);

        Assert.Contains("(an empty one counts as unset), else, where marked [profile], the cluster profile's value", output);
        Assert.Contains("[env: KAFKA_BOOTSTRAP_SERVERS] [profile]", output);
        Assert.Contains("[env: KAFKA_TOPIC] [profile]", output);
        Assert.Contains("[env: KAFKA_GROUP_ID] [profile]", output);
    }
}
