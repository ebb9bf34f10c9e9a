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
}
