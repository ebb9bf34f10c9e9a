using KafkaDemo.BrokerTests.Brokers;
using KafkaDemo.Consumer.Store;
using Npgsql;
using Testcontainers.PostgreSql;

namespace KafkaDemo.BrokerTests.Stores;

/// <summary>
/// The PostgreSQL server the store tests write to, in this order: the one named by
/// <c>KAFKADEMO_TEST_POSTGRES</c> (a URL or an Npgsql connection string to a user that may create
/// databases); a Testcontainers container where Docker answers; the machine's own installation
/// (Debian's postgresql, which <c>./build.sh</c> installs when missing) started for the run. With
/// none of them the tests fail, saying so: none is skipped.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string Variable = "KAFKADEMO_TEST_POSTGRES";

    private PostgreSqlContainer? _container;
    private NpgsqlConnectionStringBuilder _admin = new();

    /// <summary>The server started for the run, or null when it is not ours to stop (a given server, a container).</summary>
    public LocalPostgres? Local { get; private set; }

    public async Task InitializeAsync()
    {
        string what;
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            _admin = new NpgsqlConnectionStringBuilder(StoreTarget.Parse(given, out var error)?.ConnectionString
                ?? throw new InvalidOperationException($"{Variable}: {error}"));
            what = $"the server in {Variable}";
        }
        else if (DockerEngine.Answers())
        {
            _container = new PostgreSqlBuilder("postgres:16-alpine").Build();
            await _container.StartAsync();
            _admin = new NpgsqlConnectionStringBuilder(_container.GetConnectionString());
            what = "a Testcontainers container (postgres:16-alpine)";
        }
        else if (LocalPostgres.FindInstallation() is { } bin)
        {
            Local = LocalPostgres.Start(bin);
            _admin = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1", Port = Local.Port, Username = "postgres", Password = LocalPostgres.Password, Database = "postgres",
            };
            what = $"the local installation ({bin}), started on port {Local.Port}";
        }
        else
        {
            throw new InvalidOperationException(
                $"no PostgreSQL for the store tests: set {Variable}, run a Docker engine, or install postgresql (./build.sh test installs it)");
        }

        Console.Error.WriteLine($"BrokerTests: PostgreSQL = {what}");
    }

    /// <summary>A fresh, empty database, as a <c>--store</c> URL with its password.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"store_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(_admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return Url(name, _admin.Password);
    }

    /// <summary>The URL of database <paramref name="name"/> with <paramref name="password"/> in it.</summary>
    public string Url(string name, string? password) =>
        $"postgres://{Uri.EscapeDataString(_admin.Username!)}:{Uri.EscapeDataString(password ?? string.Empty)}@{_admin.Host}:{_admin.Port}/{name}";

    public async Task DisposeAsync()
    {
        Local?.Dispose();
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
