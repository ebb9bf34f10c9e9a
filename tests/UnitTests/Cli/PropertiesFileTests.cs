using KafkaDemo.Cli;

namespace KafkaDemo.UnitTests.Cli;

public class PropertiesFileTests
{
    [Fact]
    public void Reads_java_style_properties()
    {
        const string text = """
            # SASL over TLS
            ! also a comment
            bootstrap.servers=broker:9093
            security.protocol : SASL_SSL
              sasl.mechanisms=PLAIN
            sasl.username=alice
            sasl.password=s3cr=t
            ssl.ca.location=/etc/ssl/certs/\
              ca.pem

            """;

        var properties = PropertiesFile.Parse(text, "test");

        Assert.Equal(
            [
                KeyValuePair.Create("bootstrap.servers", "broker:9093"),
                KeyValuePair.Create("security.protocol", "SASL_SSL"),
                KeyValuePair.Create("sasl.mechanisms", "PLAIN"),
                KeyValuePair.Create("sasl.username", "alice"),
                KeyValuePair.Create("sasl.password", "s3cr=t"),
                KeyValuePair.Create("ssl.ca.location", "/etc/ssl/certs/ca.pem"),
            ],
            properties);
    }

    [Fact]
    public void A_line_without_a_separator_is_a_usage_error_naming_its_line_and_not_its_full_text()
    {
        var error = Assert.Throws<UsageException>(() => PropertiesFile.Parse("a=1\nsasl.password hunter2-is-my-long-password\n", "client.properties"));

        Assert.StartsWith("client.properties line 2: expected key=value", error.Message);
        Assert.DoesNotContain("long-password", error.Message);
    }

    [Fact]
    public void A_missing_file_is_a_usage_error()
    {
        var error = Assert.Throws<UsageException>(() => PropertiesFile.Load("/no/such/client.properties"));

        Assert.StartsWith("cannot read config file '/no/such/client.properties'", error.Message);
    }
}
