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

    [Fact]
    public async Task A_registry_container_comes_after_SCHEMA_REGISTRY_URL_and_before_the_in_process_one()
    {
        await using var named = TestSchemaRegistry.Start(_ => "http://registry.example:8081", "http://127.0.0.1:32768");
        await using var container = TestSchemaRegistry.Start(_ => null, "http://127.0.0.1:32768");

        Assert.Equal(SchemaRegistryKind.External, named.Kind);
        Assert.Equal((SchemaRegistryKind.Container, "http://127.0.0.1:32768"), (container.Kind, container.Url));
        Assert.Null(container.InProcess);
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
