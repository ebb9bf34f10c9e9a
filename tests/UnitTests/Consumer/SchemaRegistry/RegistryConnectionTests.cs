using KafkaDemo.Clients;
using KafkaDemo.Consumer.SchemaRegistry;
using KafkaDemo.TestSupport.SchemaRegistry;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.UnitTests.Consumer.SchemaRegistry;

// The start-up check: one line either way, and the run goes on.
public class RegistryConnectionTests
{
    private readonly RecordingLogger _logger = new();

    [Fact]
    public void Without_a_registry_there_is_no_connection_and_nothing_is_said()
    {
        Assert.Null(RegistryConnection.Open(null, TimeSpan.FromSeconds(5), _logger));
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public async Task A_registry_that_answers_is_named_in_one_line()
    {
        await using var registry = InProcessSchemaRegistry.Start();

        using var connection = RegistryConnection.Open(new SchemaRegistrySettings(registry.Url), TimeSpan.FromSeconds(5), _logger);

        Assert.NotNull(connection);
        var (level, text) = Assert.Single(_logger.Entries);
        Assert.Equal((LogLevel.Information, $"Decoding schema-registry framed keys and values with {registry.Url} (0 subjects)"), (level, text));
    }

    [Fact]
    public void A_registry_that_is_down_is_one_warning_without_its_password_and_the_run_goes_on()
    {
        var address = SilentAddress.Http("user:s3cret-pw");
        var settings = new SchemaRegistrySettings(address);

        using var connection = RegistryConnection.Open(settings, TimeSpan.FromSeconds(5), _logger);

        Assert.NotNull(connection);
        var (level, text) = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.StartsWith($"Cannot reach the schema registry at {address.Replace("s3cret-pw", Secrets.Mask, StringComparison.Ordinal)}: ", text, StringComparison.Ordinal);
        Assert.EndsWith("; framed messages are reported as invalid until it answers", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ca_file_that_does_not_exist_is_a_usage_error_of_one_line()
    {
        var settings = new SchemaRegistrySettings("https://127.0.0.1:1", CaLocation: "/nonexistent/ca.pem");

        var failure = Assert.Throws<KafkaDemo.Cli.UsageException>(() => RegistryConnection.Open(settings, TimeSpan.FromSeconds(5), _logger));

        Assert.Equal("--schema-registry https://127.0.0.1:1 (CA /nonexistent/ca.pem): Could not find a part of the path '/nonexistent/ca.pem'.", failure.Message);
    }
}
