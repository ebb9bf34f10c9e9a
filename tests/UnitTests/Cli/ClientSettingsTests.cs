using KafkaDemo.Cli;

namespace KafkaDemo.UnitTests.Cli;

public class ClientSettingsTests
{
    [Fact]
    public void Later_layers_win()
    {
        var merged = ClientSettings.Merge(
            [KeyValuePair.Create("acks", "1"), KeyValuePair.Create("linger.ms", "10")],
            [KeyValuePair.Create("linger.ms", "20")],
            [KeyValuePair.Create("acks", "all")]);

        Assert.Equal("all", merged["acks"]);
        Assert.Equal("20", merged["linger.ms"]);
    }

    [Fact]
    public void KAFKA_X_variables_become_properties_with_underscores_read_as_dots()
    {
        KeyValuePair<string, string?>[] variables =
        [
            new("KAFKA_X_SASL_PASSWORD", "s3cret"),
            new("KAFKA_X_SECURITY_PROTOCOL", "SASL_SSL"),
            new("KAFKA_X_LINGER_MS", ""),
            new("KAFKA_X_", "nameless"),
            new("KAFKA_TOPIC", "orders"),
            new("kafka_x_acks", "1"),
        ];

        var properties = ClientSettings.FromEnvironment(variables);

        Assert.Equal([KeyValuePair.Create("sasl.password", "s3cret"), KeyValuePair.Create("security.protocol", "SASL_SSL")], properties);
    }
}
