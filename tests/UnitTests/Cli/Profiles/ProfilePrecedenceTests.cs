using Confluent.Kafka;
using KafkaDemo.Consumer;
using KafkaDemo.Producer;

namespace KafkaDemo.UnitTests.Cli.Profiles;

// The precedence the README promises, for every kind of setting a profile holds: the flag, then
// the environment, then the --cluster profile, then the --config file, then the default. Each
// row sets its level and every level below it, and the level must win.
public sealed class ProfilePrecedenceTests : IDisposable
{
    private readonly ProfileHome _home = new();
    private readonly string _propertiesFile = Path.GetTempFileName();

    /// <summary>Program, setting, the level that must win, the value the run must get.</summary>
    public static readonly TheoryData<string, string, string, string?> Rows = new()
    {
        { "producer", "bootstrap", "flag", "flag:9092" },
        { "producer", "bootstrap", "env", "env:9092" },
        { "producer", "bootstrap", "profile", "profile:9092" },
        { "producer", "bootstrap", "config", "file:9092" },
        { "producer", "bootstrap", "default", "localhost:9092" },
        { "consumer", "bootstrap", "profile", "profile:9092" },
        { "consumer", "bootstrap", "config", "file:9092" },
        { "producer", "property", "flag", "flag-rack" },
        { "producer", "property", "env", "env-rack" },
        { "producer", "property", "profile", "profile-rack" },
        { "producer", "property", "config", "file-rack" },
        { "producer", "property", "default", null },
        { "consumer", "property", "profile", "profile-rack" },
        { "consumer", "property", "env", "env-rack" },
        { "producer", "registry", "flag", "http://flag:8081" },
        { "producer", "registry", "env", "http://env:8081" },
        { "producer", "registry", "profile", "http://profile:8081" },
        { "producer", "registry", "default", null },
        { "consumer", "registry", "flag", "http://flag:8081" },
        { "consumer", "registry", "env", "http://env:8081" },
        { "consumer", "registry", "profile", "http://profile:8081" },
        { "consumer", "registry", "default", null },
        { "producer", "topic", "flag", "flag-topic" },
        { "producer", "topic", "env", "env-topic" },
        { "producer", "topic", "profile", "profile-topic" },
        { "producer", "topic", "default", "notes-topic" },
        { "consumer", "topic", "flag", "flag-topic" },
        { "consumer", "topic", "env", "env-topic" },
        { "consumer", "topic", "profile", "profile-topic" },
        { "consumer", "topic", "default", "notes-topic" },
        { "consumer", "group", "flag", "flag-group" },
        { "consumer", "group", "env", "env-group" },
        { "consumer", "group", "profile", "profile-group" },
        { "consumer", "group", "config", "file-group" },
        { "consumer", "group", "default", "notes-consumer" },
    };

    private static readonly string[] Levels = ["flag", "env", "profile", "config", "default"];

    [Theory]
    [MemberData(nameof(Rows))]
    public void The_highest_level_given_wins(string program, string setting, string level, string? expected)
    {
        var below = Levels.SkipWhile(l => l != level).ToHashSet();
        var args = new List<string>();
        var variables = new List<(string Name, string Value)>();
        var (flag, variable, property) = setting switch
        {
            "bootstrap" => (new[] { "-b", "flag:9092" }, ("KAFKA_BOOTSTRAP_SERVERS", "env:9092"), "bootstrap.servers=file:9092"),
            "property" => (["-X", "client.rack=flag-rack"], ("KAFKA_X_CLIENT_RACK", "env-rack"), "client.rack=file-rack"),
            "registry" => (["--schema-registry", "http://flag:8081"], ("SCHEMA_REGISTRY_URL", "http://env:8081"), null),
            "topic" => (["-t", "flag-topic"], ("KAFKA_TOPIC", "env-topic"), null),
            _ => (["-g", "flag-group"], ("KAFKA_GROUP_ID", "env-group"), "group.id=file-group"),
        };
        if (below.Contains("flag"))
        {
            args.AddRange(flag);
        }

        if (below.Contains("env"))
        {
            variables.Add(variable);
        }

        if (below.Contains("profile"))
        {
            _home.Write("""
                { "clusters": { "p": {
                    "bootstrapServers": "profile:9092", "properties": { "client.rack": "profile-rack" },
                    "schemaRegistry": { "url": "http://profile:8081" }, "topic": "profile-topic", "group": "profile-group" } } }
                """);
            args.AddRange(["--cluster", "p"]);
        }

        if (below.Contains("config") && property is not null)
        {
            File.WriteAllText(_propertiesFile, property + "\n");
            args.AddRange(["--config", _propertiesFile]);
        }

        Assert.Equal(expected, Value(program, setting, [.. args], [.. variables]));
    }

    public void Dispose()
    {
        _home.Dispose();
        File.Delete(_propertiesFile);
    }

    private string? Value(string program, string setting, string[] args, (string Name, string Value)[] variables)
    {
        var environment = _home.Environment(variables);
        var all = variables.Select(v => KeyValuePair.Create(v.Name, (string?)v.Value)).ToList();
        if (program == "producer")
        {
            var options = ProducerCommand.Bind(args, environment, all);
            var config = ProducerConfigFactory.Create(options);
            return Read(setting, config, options.SchemaRegistry?.Url, [options.Topic], null);
        }

        var consumer = ConsumerCommand.Bind(args, environment, all);
        return Read(setting, ConsumerConfigFactory.Create(consumer), consumer.SchemaRegistry?.Url, consumer.Topics, consumer);
    }

    private static string? Read(string setting, ClientConfig config, string? registry, IReadOnlyList<string> topics, ConsumerOptions? consumer) => setting switch
    {
        "bootstrap" => config.BootstrapServers,
        "property" => config.Get("client.rack"),
        "registry" => registry,
        "topic" => Assert.Single(topics),
        // The group has one home, the client's config; the run reports under the same one.
        _ => Assert.Single(new[] { config.Get("group.id"), consumer!.GroupId }.Distinct()),
    };
}
