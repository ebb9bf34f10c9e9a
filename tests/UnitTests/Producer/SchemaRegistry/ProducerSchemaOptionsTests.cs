using KafkaDemo.Producer;

namespace KafkaDemo.UnitTests.Producer.SchemaRegistry;

public sealed class ProducerSchemaOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schema-options").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static Task<(int ExitCode, string Output, string Error)> Run(params string[] args) =>
        CommandLine.RunAsync(ProducerCommand.Create(CommandLine.Environment()), ["-b", "127.0.0.1:1", "-t", "notes", .. args]);

    [Theory]
    [InlineData("--value-schema-id", "3", "--value-schema needs --schema-registry (or SCHEMA_REGISTRY_URL).")]
    [InlineData("--key-schema-id", "3", "--key-schema needs --schema-registry (or SCHEMA_REGISTRY_URL).")]
    public async Task A_schema_without_a_registry_is_a_usage_error(string option, string value, string expected)
    {
        var (exitCode, _, error) = await Run(option, value);

        Assert.Equal(2, exitCode);
        Assert.Equal($"{ProducerCommand.Create().Name}: {expected}", error.TrimEnd());
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Input_lines_use_the_latest_value_schema_only_when_the_registry_is_typed(bool typed, bool latest)
    {
        string[] registry = typed ? ["--schema-registry", "http://typed:8081"] : [];
        var input = Write("lines.txt", "{}\n");

        var options = ProducerCommand.Bind(["-b", "127.0.0.1:1", "-t", "notes", "-i", input, .. registry],
            CommandLine.Environment(("SCHEMA_REGISTRY_URL", "http://from-env:8081")));

        Assert.NotNull(options.SchemaRegistry);
        Assert.Equal(latest, options.ValueSchema == KafkaDemo.Producer.SchemaRegistry.SchemaChoice.Latest);
        Assert.Null(options.KeySchema);
    }

    [Fact]
    public async Task Both_a_file_and_an_id_is_a_usage_error()
    {
        var (exitCode, _, error) = await Run("--schema-registry", "http://127.0.0.1:1", "--value-schema", Write("a.avsc", "\"string\""), "--value-schema-id", "1");

        Assert.Equal(2, exitCode);
        Assert.Contains("Give either --value-schema or --value-schema-id, not both.", error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("bad.avsc", """{"type":"record","name":"R"}""", "is not a valid Avro schema")]
    [InlineData("bad.json", "[1,", "is not a valid JSON Schema")]
    [InlineData("schema.txt", "{}", "the file must end in .avsc (Avro) or .json (JSON Schema)")]
    public async Task An_unusable_schema_file_is_a_one_line_usage_error(string name, string text, string expected)
    {
        var (exitCode, _, error) = await Run("--schema-registry", "http://127.0.0.1:1", "--key-schema", Write(name, text));

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task A_missing_schema_file_is_a_usage_error()
    {
        var (exitCode, _, error) = await Run("--schema-registry", "http://127.0.0.1:1", "--value-schema", Path.Combine(_folder, "absent.avsc"));

        Assert.Equal(2, exitCode);
        Assert.Contains("cannot be read", error);
    }

    [Fact]
    public async Task An_unreachable_registry_is_one_line_at_start_and_exit_1()
    {
        var (exitCode, output, error) = await Run("--schema-registry", "http://127.0.0.1:1", "--value-schema", Write("s.avsc", "\"string\""), "--connect-timeout", "2s");

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.StartsWith($"{ProducerCommand.Create().Name}: the schema registry at http://127.0.0.1:1 did not answer", error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Jsonl_input_with_a_schema_is_a_usage_error()
    {
        var (exitCode, _, error) = await Run("--schema-registry", "http://127.0.0.1:1", "--value-schema-id", "1", "-i", Write("in.jsonl", "{}"), "--input-format", "jsonl");

        Assert.Equal(2, exitCode);
        Assert.Contains("--input-format jsonl re-sends the bytes it reads", error);
    }
}
