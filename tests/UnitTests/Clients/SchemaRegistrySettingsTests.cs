using KafkaDemo.Clients;

namespace KafkaDemo.UnitTests.Clients;

public class SchemaRegistrySettingsTests
{
    [Fact]
    public void Basic_auth_and_a_ca_file_reach_the_registry_client_config()
    {
        var config = new SchemaRegistrySettings("https://registry:8081", "app:s3cret", "/etc/ca.pem").ToClientConfig();

        Assert.Equal("https://registry:8081", config.Url);
        Assert.Equal("app:s3cret", config.BasicAuthUserInfo);
        Assert.Equal(Confluent.SchemaRegistry.AuthCredentialsSource.UserInfo, config.BasicAuthCredentialsSource);
        Assert.Equal("/etc/ca.pem", config.SslCaLocation);
    }

    [Fact]
    public void Without_credentials_the_client_config_names_only_the_address()
    {
        var config = new SchemaRegistrySettings("http://localhost:8081").ToClientConfig();

        Assert.Equal("http://localhost:8081", config.Url);
        Assert.Null(config.BasicAuthCredentialsSource);
        Assert.Null(config.SslCaLocation);
    }

    [Fact]
    public void Its_text_shows_the_user_but_never_a_password_from_the_option_or_the_url()
    {
        var settings = new SchemaRegistrySettings("https://ops:urlpass@a:8081,http://b:8081", "app:s3cret");

        var text = settings.ToString();

        Assert.Equal("https://ops:[redacted]@a:8081,http://b:8081 (basic auth as app)", text);
        Assert.DoesNotContain("s3cret", text);
        Assert.DoesNotContain("urlpass", text);
    }

    [Fact]
    public void Redact_masks_both_passwords_in_a_message_that_quotes_them()
    {
        var settings = new SchemaRegistrySettings("https://ops:urlpass@a:8081", "app:s3cret");

        var message = settings.Redact("401 for app:s3cret at https://ops:urlpass@a:8081");

        Assert.Equal("401 for [redacted] at https://ops:[redacted]@a:8081", message);
    }
}
