using KafkaDemo.Clients;

namespace KafkaDemo.UnitTests.Clients;

public class SecretsTests
{
    [Theory]
    [InlineData("sasl.password", true)]
    [InlineData("ssl.key.password", true)]
    [InlineData("ssl.keystore.password", true)]
    [InlineData("sasl.oauthbearer.client.secret", true)]
    [InlineData("sasl.jaas.config", true)]
    [InlineData("ssl.key.pem", true)]
    [InlineData("sasl.username", false)]
    [InlineData("bootstrap.servers", false)]
    [InlineData("ssl.key.location", false)]
    public void Knows_which_properties_are_secret(string name, bool secret)
    {
        Assert.Equal(secret, Secrets.IsSecret(name));
    }

    [Fact]
    public void Masks_every_secret_value_and_nothing_else()
    {
        var settings = new Dictionary<string, string> { ["sasl.password"] = "hunter2", ["sasl.username"] = "alice" };

        var redacted = Secrets.Redact("user alice with password hunter2 failed", settings);

        Assert.Equal("user alice with password [redacted] failed", redacted);
    }
}
