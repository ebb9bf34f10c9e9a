using Confluent.Kafka;
using KafkaDemo.Consumer.Store;
using Microsoft.Data.Sqlite;

namespace KafkaDemo.BrokerTests.Stores;

// The store's SQL on both engines, without a broker: what the SIGKILL runs cannot pin down, such as
// several events of one note inside one batch, or a batch larger than one statement takes.
public sealed class EventStoreEnginesTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("store-engines-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<EventStore> NewStore(string engine) => EventStore.Open(StoreTarget.Parse(
        engine == "sqlite" ? $"sqlite:{Path.Combine(_directory, "notes.db")}" : await postgres.CreateDatabaseAsync(), out _)!);

    private static StoredEvent Event(int partition, long offset, string type, long id, string text, long timestamp) =>
        new("notes", partition, offset, $"k{id}", type, id, text, timestamp, "[]", DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Several_events_of_a_note_in_one_batch_leave_the_latest_by_timestamp_then_partition_then_offset(string engine)
    {
        var store = await NewStore(engine);

        store.Write("g",
            [
                Event(0, 0, "note_created", 7, "first", 1000), Event(1, 0, "note_updated", 7, "latest", 3000), Event(0, 1, "note_updated", 7, "middle", 2000),
                Event(1, 1, "note_created", 8, "same time, higher partition", 5000), Event(0, 2, "note_deleted", 8, "", 5000),
                Event(0, 3, "note_created", 9, "one", 4000), Event(0, 4, "note_updated", 9, "two, same time, later offset", 4000),
            ],
            [new OffsetAdvance(new TopicPartition("notes", new Partition(0)), null, 5), new OffsetAdvance(new TopicPartition("notes", new Partition(1)), null, 2)]);

        Assert.Equal(
            [
                new StoredNote(7, "latest", false, "notes", 1, 0),
                new StoredNote(8, "same time, higher partition", false, "notes", 1, 1),
                new StoredNote(9, "two, same time, later offset", false, "notes", 0, 4),
            ],
            store.Notes());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_batch_of_hundreds_of_events_is_stored_whole_with_its_notes(string engine)
    {
        var store = await NewStore(engine);
        var events = Enumerable.Range(0, 537).Select(i => Event(0, i, i % 3 == 2 ? "note_deleted" : "note_created", i / 3, $"note {i}", 1000 + i)).ToList();

        store.Write("g", events, [new OffsetAdvance(new TopicPartition("notes", new Partition(0)), null, 537)]);

        Assert.Equal(537, store.EventCount());
        var notes = store.Notes();
        Assert.Equal(179, notes.Count);
        Assert.All(notes, note => Assert.True(note.Deleted && note.Text is null && note.Offset == note.NoteId * 3 + 2, $"note {note.NoteId}: {note}"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_batch_one_of_whose_offsets_moved_meanwhile_is_refused_whole(string engine)
    {
        var store = await NewStore(engine);
        var p0 = new TopicPartition("notes", new Partition(0));
        var p1 = new TopicPartition("notes", new Partition(1));
        store.Write("g", [Event(0, 0, "note_created", 1, "one", 1000)], [new OffsetAdvance(p0, null, 1)]);

        var conflict = Assert.Throws<StoreConflictException>(() => store.Write("g",
            [Event(1, 0, "note_created", 2, "two", 1000), Event(0, 1, "note_created", 3, "three", 1000)],
            [new OffsetAdvance(p1, null, 1), new OffsetAdvance(p0, 0, 2)]));

        Assert.Contains("notes[0] for group g is no longer 0", conflict.Message);
        Assert.Equal(1, store.EventCount());
        Assert.Equal([new StoredOffset("g", "notes", 0, 1)], store.Offsets());
        Assert.Equal([new StoredNote(1, "one", false, "notes", 0, 0)], store.Notes());
    }
}
