using System.CommandLine;
using System.CommandLine.Parsing;
using KafkaDemo.Cli;
using KafkaDemo.Clients;

namespace KafkaDemo.Producer.SchemaRegistry;

/// <summary>
/// The Producer's schema-registry options: the registry itself (shared with the Consumer) and the
/// schemas for keys and values, each a file to register or a registered id. Without either, values
/// read with <c>--input</c> (lines) use the latest version of <c>topic-value</c> when
/// <c>--schema-registry</c> was typed; keys, and generated events, are encoded only when a schema is
/// named for them. A registry that comes from <c>SCHEMA_REGISTRY_URL</c> alone encodes nothing by
/// itself: the variable is often set for the Consumer's sake, and a shell that has it must not turn
/// every plain-text run into a lookup of the subject's latest schema.
/// </summary>
public sealed class ProducerSchemaOptions(Func<string, string?> environment)
{
    /// <summary><c>--schema-registry</c>, <c>--schema-registry-auth</c>, <c>--schema-registry-ca</c>.</summary>
    public SchemaRegistryOptions Registry { get; } = new(environment);

    public Option<string?> ValueSchema { get; } = new("--value-schema")
    {
        Description = "With --schema-registry: register this schema (.avsc: Avro, .json: JSON Schema) under <topic>-value and encode values (JSON) with it; without it, --input lines use the subject's latest version when --schema-registry is typed (not when it comes from SCHEMA_REGISTRY_URL alone)",
        HelpName = "file",
    };

    public Option<int?> ValueSchemaId { get; } = new("--value-schema-id") { Description = "With --schema-registry: encode values with this registered schema", HelpName = "n" };

    public Option<string?> KeySchema { get; } = new("--key-schema")
    {
        Description = "With --schema-registry: register this schema under <topic>-key and encode keys with it (a --key-separator key is JSON; other keys are JSON strings)",
        HelpName = "file",
    };

    public Option<int?> KeySchemaId { get; } = new("--key-schema-id") { Description = "With --schema-registry: encode keys with this registered schema", HelpName = "n" };

    /// <summary>Every option, to add to the command.</summary>
    public IEnumerable<Option> All => [.. Registry.All, ValueSchema, ValueSchemaId, KeySchema, KeySchemaId];

    /// <summary>The checks that need only what was typed.</summary>
    public void Validate(CommandResult result)
    {
        foreach (var (file, id) in new[] { (ValueSchema, ValueSchemaId), (KeySchema, KeySchemaId) })
        {
            if (result.GetResult(file) is not null && result.GetResult(id) is not null)
            {
                result.AddError($"Give either {file.Name} or {id.Name}, not both.");
            }

            if (result.GetValue(id) is <= 0)
            {
                result.AddError($"{id.Name} must be 1 or more.");
            }
        }
    }

    /// <summary>
    /// The registry and the key and value schemas of <paramref name="parsed"/>; <paramref name="readsLines"/>
    /// says whether the run reads <c>--input</c> as lines, whose values use the latest schema when none
    /// is named and the registry was typed on the command line.
    /// </summary>
    /// <exception cref="UsageException">A schema without a registry, or a schema file that cannot be used.</exception>
    public (SchemaRegistrySettings? Registry, SchemaChoice? Key, SchemaChoice? Value) Bind(ParseResult parsed, bool readsLines)
    {
        var settings = Registry.Bind(parsed);
        var key = Choice(parsed, KeySchema, KeySchemaId);
        var value = Choice(parsed, ValueSchema, ValueSchemaId);
        if (settings is null)
        {
            return key is null && value is null
                ? (null, null, null)
                : throw new UsageException($"{(key is null ? "--value-schema" : "--key-schema")} needs --schema-registry (or SCHEMA_REGISTRY_URL).");
        }

        var latest = readsLines && parsed.GetResult(Registry.Url) is { Implicit: false };
        return (settings, key, value ?? (latest ? SchemaChoice.Latest : null));
    }

    private static SchemaChoice? Choice(ParseResult parsed, Option<string?> file, Option<int?> id) =>
        parsed.GetValue(file) is { } path ? new SchemaChoice(path, SchemaFile.Read(path, file.Name), null)
        : parsed.GetValue(id) is { } number ? new SchemaChoice(null, null, number)
        : null;
}
