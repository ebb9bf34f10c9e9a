using KafkaDemo.TestSupport.SchemaRegistry;

namespace KafkaDemo.UnitTests.TestSupport.SchemaRegistry;

public class TestSchemaRegistryTests
{
    [Fact]
    public async Task SCHEMA_REGISTRY_URL_names_the_registry_and_nothing_is_started()
    {
        await using var registry = TestSchemaRegistry.Start(name => name == "SCHEMA_REGISTRY_URL" ? " http://registry.example:8081 " : null);

        Assert.Equal((SchemaRegistryKind.External, "http://registry.example:8081"), (registry.Kind, registry.Url));
        Assert.Null(registry.InProcess);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Without_SCHEMA_REGISTRY_URL_an_in_process_registry_answers(string? variable)
    {
        await using var registry = TestSchemaRegistry.Start(_ => variable);
        using var http = new HttpClient();

        var subjects = await http.GetStringAsync($"{registry.Url}/subjects");

        Assert.Equal(SchemaRegistryKind.InProcess, registry.Kind);
        Assert.StartsWith("http://127.0.0.1:", registry.Url, StringComparison.Ordinal);
        Assert.Equal("[]", subjects);
    }
}
