using KafkaDemo.Consumer.Store;
using Npgsql;

namespace KafkaDemo.UnitTests.Consumer.Store;

public class StoreTargetTests
{
    [Fact]
    public void A_sqlite_target_names_its_file()
    {
        var target = StoreTarget.Parse("sqlite:data/notes.db", out var error);

        Assert.Null(error);
        Assert.Equal(StoreEngine.Sqlite, target!.Engine);
        Assert.Contains("Data Source=data/notes.db", target.ConnectionString);
        Assert.Equal("sqlite:data/notes.db", target.ToString());
    }

    [Fact]
    public void A_postgres_url_keeps_the_password_for_the_driver_and_masks_it_everywhere_else()
    {
        var target = StoreTarget.Parse("postgres://app:p%40ss-w0rd@db.example:6543/notes", out _);

        var connection = new NpgsqlConnectionStringBuilder(target!.ConnectionString);
        Assert.Equal(("db.example", 6543, "notes", "app", "p@ss-w0rd"), (connection.Host, connection.Port, connection.Database, connection.Username, connection.Password));
        Assert.Equal("postgres://app:***@db.example:6543/notes", target.ToString());
    }

    [Fact]
    public void A_postgres_url_without_a_port_uses_5432()
    {
        var target = StoreTarget.Parse("postgresql://app@db/notes", out _);

        Assert.Equal("postgres://app@db:5432/notes", target!.Display);
    }

    [Fact]
    public void An_npgsql_connection_string_is_taken_as_it_is_and_shown_without_its_password()
    {
        var target = StoreTarget.Parse("Host=db;Port=5433;Username=app;Password=hunter2;Database=notes", out _);

        Assert.Equal(StoreEngine.Postgres, target!.Engine);
        Assert.Equal("hunter2", new NpgsqlConnectionStringBuilder(target.ConnectionString).Password);
        Assert.Equal("postgres://app:***@db:5433/notes", target.Display);
    }

    [Theory]
    [InlineData("notes.db", "use sqlite:<path>, postgres://")]
    [InlineData("sqlite:", "sqlite: needs a file path")]
    [InlineData("postgres://:hunter2@/notes", "not a valid postgres:// URL")]
    [InlineData("Host=db;Password=hunter2;Colour=blue", "not a valid Npgsql connection string")]
    public void What_is_not_a_target_is_refused_without_quoting_it(string text, string expected)
    {
        Assert.Null(StoreTarget.Parse(text, out var error));
        Assert.StartsWith(expected, error);
        Assert.DoesNotContain("hunter2", error);
    }
}
