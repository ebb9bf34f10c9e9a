using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KafkaDemo.BrokerTests.Stores;

// `consumer store` only looks: it writes nothing, takes no lock, and reads what it may not write.
public sealed class StoreViewTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private static readonly TopicPartition P0 = new("notes", new Partition(0));

    private readonly string _directory = Directory.CreateTempSubdirectory("store-view-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static Task<(int ExitCode, string Output, string Error)> View(string store, params string[] more) =>
        CommandRunner.RunAsync(ConsumerCommand.Create(_ => null), ["store", "--store", store, .. more]);

    // A store as a --store run leaves it: two events, the notes, the offset.
    private string WrittenSqliteStore()
    {
        var store = $"sqlite:{Path.Combine(_directory, "notes.db")}";
        EventStore.Open(StoreTarget.Parse(store, out _)!).Write("keeper",
            [
                new StoredEvent("notes", 0, 0, "k1", "note_created", 1, "one", 1000, "[]", DateTimeOffset.UnixEpoch),
                new StoredEvent("notes", 0, 1, "k2", "note_created", 2, "two", 1000, "[]", DateTimeOffset.UnixEpoch),
            ],
            [new OffsetAdvance(P0, null, 2)]);
        return store;
    }

    [Fact]
    public async Task An_empty_postgres_database_is_no_store_here_exit_1_and_stays_empty()
    {
        var store = await postgres.CreateDatabaseAsync();

        var (exitCode, output, error) = await View(store);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Empty(output);
        Assert.Equal($"error: no store here: {StoreTarget.Parse(store, out _)} has none of the tables a --store run creates", error.TrimEnd('\n'));
        await using var connection = new NpgsqlConnection(StoreTarget.Parse(store, out _)!.ConnectionString);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        Assert.Equal(0L, await tables.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_empty_sqlite_file_is_no_store_here_exit_1_and_stays_empty()
    {
        var file = Path.Combine(_directory, "empty.db");
        await File.WriteAllBytesAsync(file, []);

        var (exitCode, output, error) = await View($"sqlite:{file}");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Empty(output);
        Assert.Equal($"error: no store here: sqlite:{file} has none of the tables a --store run creates", error.TrimEnd('\n'));
        Assert.Equal(0, new FileInfo(file).Length);
    }

    [Fact]
    public async Task A_store_in_postgres_is_shown_without_writing()
    {
        var store = await postgres.CreateDatabaseAsync();
        EventStore.Open(StoreTarget.Parse(store, out _)!).Write("keeper",
            [new StoredEvent("notes", 0, 0, "k1", "note_created", 1, "one", 1000, "[]", DateTimeOffset.UnixEpoch)], [new OffsetAdvance(P0, null, 1)]);

        var (exitCode, output, error) = await View(store);

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains("holds 1 events in note_events.", output);
        Assert.Contains("keeper  notes  0          1", output);
    }

    // chmod 444 stops other users; root, which these tests may run as, is stopped by chattr +i.
    [SkippableFact]
    public async Task A_read_only_sqlite_file_written_by_a_store_run_can_be_viewed()
    {
        var store = WrittenSqliteStore();
        SqliteConnection.ClearAllPools();
        var file = store["sqlite:".Length..];
        if (OperatingSystem.IsWindows())
        {
            throw new SkipException("file modes and chattr are Unix's");
        }

        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        if (Environment.UserName == "root")
        {
            var (made, why) = await ImmutableFile.Chattr("+i", file);
            Skip.IfNot(made, $"cannot make the file read-only for root here (chattr +i: {why})");
        }

        try
        {
            var (exitCode, output, error) = await View(store);

            Assert.True(exitCode == ExitCodes.Success, error);
            Assert.Contains($"{store} holds 2 events in note_events.", output);
            Assert.Contains("keeper  notes  0          2", output);
        }
        finally
        {
            await ImmutableFile.Chattr("-i", file);
        }
    }

    [Fact]
    public async Task The_view_reads_while_another_connection_holds_the_write_lock()
    {
        var store = WrittenSqliteStore();
        await using var writer = new SqliteConnection(StoreTarget.Parse(store, out _)!.ConnectionString);
        await writer.OpenAsync();
        await using (var command = writer.CreateCommand())
        {
            command.CommandText = "BEGIN IMMEDIATE";
            await command.ExecuteNonQueryAsync();
        }

        var (exitCode, output, error) = await View(store);

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains($"{store} holds 2 events in note_events.", output);
    }
}
