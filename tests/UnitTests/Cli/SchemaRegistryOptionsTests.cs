using System.CommandLine;
using KafkaDemo.Cli;

namespace KafkaDemo.UnitTests.Cli;

public class SchemaRegistryOptionsTests
{
    private static (SchemaRegistryOptions Options, RootCommand Root) Command(params (string Name, string Value)[] variables)
    {
        var options = new SchemaRegistryOptions(CommandLine.Environment(variables));
        var root = new RootCommand();
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        return (options, root);
    }

    [Fact]
    public void No_registry_named_binds_to_nothing()
    {
        var (options, root) = Command();

        Assert.Null(options.Bind(root.Parse([])));
    }

    [Fact]
    public void The_flag_beats_the_variable_and_an_empty_variable_counts_as_unset()
    {
        var (options, root) = Command(("SCHEMA_REGISTRY_URL", "http://from-env:8081"), ("SCHEMA_REGISTRY_CA", " "));

        Assert.Equal("http://from-env:8081", options.Bind(root.Parse([]))!.Url);
        Assert.Equal("http://typed:8081", options.Bind(root.Parse(["--schema-registry", "http://typed:8081"]))!.Url);
        Assert.Null(options.Bind(root.Parse([]))!.CaLocation);
    }

    [Fact]
    public void The_password_comes_from_its_variable_and_never_shows_in_help()
    {
        var (options, root) = Command(("SCHEMA_REGISTRY_URL", "http://r:8081"), (SchemaRegistryOptions.AuthVariable, "app:s3cret"));
        var help = new StringWriter();

        var settings = options.Bind(root.Parse([]));
        root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = help });

        Assert.Equal("app:s3cret", settings!.BasicAuthUserInfo);
        Assert.Contains("[env: SCHEMA_REGISTRY_AUTH]", help.ToString());
        Assert.DoesNotContain("s3cret", help.ToString());
    }

    [Fact]
    public void Auth_without_a_colon_is_a_usage_error()
    {
        var (_, root) = Command();

        var parsed = root.Parse(["--schema-registry", "http://r:8081", "--schema-registry-auth", "justauser"]);

        Assert.Contains(parsed.Errors, e => e.Message == "--schema-registry-auth must be user:password.");
    }
}
