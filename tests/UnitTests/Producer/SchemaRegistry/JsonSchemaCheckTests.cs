using System.Text.Json;
using KafkaDemo.Producer.SchemaRegistry;

namespace KafkaDemo.UnitTests.Producer.SchemaRegistry;

public class JsonSchemaCheckTests
{
    private const string Person = """
        {"type":"object","required":["name"],"properties":{
          "name":{"type":"string"},
          "age":{"type":"integer"},
          "role":{"enum":["admin","user"]},
          "email":{"type":["string","null"]},
          "address":{"type":"object","required":["city"],"properties":{"city":{"type":"string"}}},
          "tags":{"type":"array","items":{"type":"string"}}
        }}
        """;

    private static string? Check(string json, string schema = Person)
    {
        using var value = JsonDocument.Parse(json);
        using var parsed = JsonDocument.Parse(schema);
        return JsonSchemaCheck.FirstMismatch(value.RootElement, parsed.RootElement);
    }

    [Theory]
    [InlineData("""{"name":"Ada"}""")]
    [InlineData("""{"name":"Ada","age":36,"role":"admin","email":null,"address":{"city":"London"},"tags":["x"],"other":1}""")]
    [InlineData("""{"name":"Ada","age":36.0}""")]
    public void Json_that_fits_passes(string json) => Assert.Null(Check(json));

    [Theory]
    [InlineData("""{"age":3}""", "field 'name': required, and missing")]
    [InlineData("""{"name":5}""", "field 'name': expected string, got number 5")]
    [InlineData("""{"name":"Ada","age":3.5}""", "field 'age': expected integer, got number 3.5")]
    [InlineData("""{"name":"Ada","role":"root"}""", "field 'role': \"root\" is not one of [\"admin\",\"user\"]")]
    [InlineData("""{"name":"Ada","email":true}""", "field 'email': expected string or null, got boolean")]
    [InlineData("""{"name":"Ada","address":{}}""", "field 'address.city': required, and missing")]
    [InlineData("""{"name":"Ada","tags":["x",1]}""", "field 'tags[1]': expected string, got number 1")]
    [InlineData("""[1]""", "expected object, got array")]
    public void Json_that_does_not_fit_names_the_field(string json, string expected) => Assert.Equal(expected, Check(json));

    [Fact]
    public void The_false_schema_allows_nothing() => Assert.NotNull(Check("1", "false"));
}
