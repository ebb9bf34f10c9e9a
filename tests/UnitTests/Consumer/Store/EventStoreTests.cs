using Confluent.Kafka;
using KafkaDemo.Consumer.Store;
using Microsoft.Data.Sqlite;

namespace KafkaDemo.UnitTests.Consumer.Store;

// The store's SQL on a real SQLite file; the same SQL runs on PostgreSQL in the broker tests.
public sealed class EventStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("store-").FullName;

    private StoreTarget Target => StoreTarget.Parse($"sqlite:{Path.Combine(_directory, "notes.db")}", out _)!;

    private static readonly TopicPartition P0 = new("notes", new Partition(0));
    private static readonly TopicPartition P1 = new("notes", new Partition(1));

    private static StoredEvent Event(TopicPartition partition, long offset, string type, long id, string text, long timestamp = 1000) =>
        new(partition.Topic, partition.Partition.Value, offset, type, type, id, text, timestamp, "[]", DateTimeOffset.UnixEpoch);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Opening_applies_the_migrations_once_and_records_them()
    {
        var applied = new List<string>();
        EventStore.Open(Target, applied.Add);
        EventStore.Open(Target, applied.Add);

        Assert.Equal(["KafkaDemo.Consumer.Store.Migrations.0001_create_tables.sql"], applied);
        using var connection = new SqliteConnection(Target.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        Assert.Equal(["consumer_offsets", "note_events", "notes", EventStore.MigrationsTable], tables);
    }

    [Fact]
    public void A_batch_stores_its_events_and_moves_its_offsets_together()
    {
        var store = EventStore.Open(Target);

        store.Write("g", [Event(P0, 0, "note_created", 1, "one"), Event(P0, 1, "note_created", 2, "two")], [new OffsetAdvance(P0, null, 2)]);
        store.Write("g", [Event(P1, 5, "note_created", 3, "three")], [new OffsetAdvance(P0, 2, 3), new OffsetAdvance(P1, null, 6)]);

        Assert.Equal(3, store.EventCount());
        Assert.Equal(new Dictionary<TopicPartition, long> { [P0] = 3, [P1] = 6 }, store.Positions("g", [P0, P1]));
        Assert.Empty(store.Positions("other-group", [P0, P1]));
    }

    [Fact]
    public void A_batch_whose_offset_moved_meanwhile_is_rolled_back_whole()
    {
        var store = EventStore.Open(Target);
        store.Write("g", [Event(P0, 0, "note_created", 1, "one")], [new OffsetAdvance(P0, null, 1)]);

        var conflict = Assert.Throws<StoreConflictException>(() =>
            store.Write("g", [Event(P1, 0, "note_created", 2, "two"), Event(P0, 0, "note_created", 1, "one")], [new OffsetAdvance(P1, null, 1), new OffsetAdvance(P0, null, 1)]));

        Assert.Contains("notes[0]", conflict.Message);
        Assert.Equal(1, store.EventCount());
        Assert.Equal(new Dictionary<TopicPartition, long> { [P0] = 1 }, store.Positions("g", [P0, P1]));
    }

    [Fact]
    public void The_later_event_of_a_note_wins_whatever_order_they_are_written_in()
    {
        var store = EventStore.Open(Target);

        store.Write("g", [Event(P1, 0, "note_deleted", 1, "", timestamp: 3000)], [new OffsetAdvance(P1, null, 1)]);
        store.Write("g", [Event(P0, 0, "note_created", 1, "first", timestamp: 1000), Event(P0, 1, "note_updated", 1, "second", timestamp: 2000)],
            [new OffsetAdvance(P0, null, 2)]);
        store.Write("g", [Event(P0, 2, "note_created", 2, "other", timestamp: 1000)], [new OffsetAdvance(P0, 2, 3)]);

        Assert.Equal([new StoredNote(1, null, true, "notes", 1, 0), new StoredNote(2, "other", false, "notes", 0, 2)], store.Notes());
    }

    [Fact]
    public void A_postgres_server_that_does_not_answer_is_one_line_without_the_password()
    {
        var target = StoreTarget.Parse("postgres://app:hunter2@127.0.0.1:1/notes", out _)!;

        var error = Assert.Throws<StoreException>(() => EventStore.Open(target));

        Assert.StartsWith("cannot open postgres://app:***@127.0.0.1:1/notes: ", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
