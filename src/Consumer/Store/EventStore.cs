using Confluent.Kafka;

namespace KafkaDemo.Consumer.Store;

/// <summary>
/// The database behind <c>--store</c>, SQLite or PostgreSQL through the same SQL: opened for
/// writing (the tables migrated, <see cref="StoreSchema"/>) or only to look, the stored offsets,
/// and batches of events written in one transaction together with the offsets they advance
/// (<see cref="OffsetFence"/>, <see cref="NoteEventRows"/>, <see cref="NotesUpsert"/>). Each call
/// opens a pooled connection of its own, so instances on several threads share one store and a
/// database that restarts is simply reconnected to (<see cref="StoreGuard"/>).
/// </summary>
public sealed class EventStore
{
    /// <summary>The table DbUp records applied migrations in.</summary>
    public const string MigrationsTable = StoreSchema.MigrationsTable;

    private readonly StoreTarget _target;
    private readonly StoreGuard _guard;
    private long _written;

    private EventStore(StoreTarget target)
    {
        _target = target;
        _guard = new StoreGuard(target);
    }

    /// <summary>Events this process has written so far.</summary>
    public long WrittenEvents => Interlocked.Read(ref _written);

    /// <summary>Where the store is, for messages (password masked).</summary>
    public StoreTarget Target => _target;

    /// <summary>Connects, checks the database can be written, and applies the migrations it lacks.</summary>
    /// <exception cref="StoreException">The database cannot be reached, written or migrated.</exception>
    public static EventStore Open(StoreTarget target, Action<string>? applied = null)
    {
        var store = new EventStore(target);
        store._guard.Run("open", () =>
        {
            using var connection = StoreSql.Connect(target);
            StoreSchema.CheckWritable(target, connection);
        });

        var upgrade = store._guard.Run("migrate", () => StoreSchema.Migrate(target));
        if (!upgrade.Successful)
        {
            throw new StoreException($"cannot migrate {target}: {store._guard.Clean(upgrade.Error.Message)}", upgrade.Error);
        }

        foreach (var script in upgrade.Scripts)
        {
            applied?.Invoke(script.Name);
        }

        return store;
    }

    /// <summary>
    /// Opens the store to look only: no migration, no lock, nothing written (SQLite opened
    /// read-only, PostgreSQL in read-only transactions), so a read-only file, a database the
    /// Consumer is writing, or one without a store can be looked at; null when the database holds
    /// no store (none of its tables).
    /// </summary>
    /// <exception cref="StoreException">The database cannot be reached or read.</exception>
    public static EventStore? OpenToRead(StoreTarget target)
    {
        var store = new EventStore(target.ReadOnly());
        return store._guard.Run("open", () =>
        {
            using var connection = StoreSql.Connect(store._target);
            return StoreSchema.HoldsTables(store._target, connection);
        }) ? store : null;
    }

    /// <summary>The next offset stored for <paramref name="groupId"/> in each of <paramref name="partitions"/> that has one.</summary>
    public IReadOnlyDictionary<TopicPartition, long> Positions(string groupId, IReadOnlyCollection<TopicPartition> partitions)
    {
        var wanted = partitions.ToHashSet();
        var found = new Dictionary<TopicPartition, long>();
        foreach (var row in Offsets(groupId))
        {
            var partition = new TopicPartition(row.Topic, new Partition(row.Partition));
            if (wanted.Contains(partition))
            {
                found[partition] = row.NextOffset;
            }
        }

        return found;
    }

    /// <summary>
    /// Writes <paramref name="events"/> and moves the offsets by <paramref name="advances"/> in one
    /// transaction: all of it or none. An offset that is not where the advance expects it means
    /// another consumer wrote the partition: the transaction is rolled back.
    /// </summary>
    /// <exception cref="StoreConflictException">An offset had moved; nothing was written.</exception>
    /// <exception cref="StoreException">The database failed; nothing was written.</exception>
    public void Write(string groupId, IReadOnlyList<StoredEvent> events, IReadOnlyList<OffsetAdvance> advances) => _guard.Run("write to", () =>
    {
        using var connection = StoreSql.Connect(_target);
        using var transaction = connection.BeginTransaction();
        try
        {
            OffsetFence.Advance(connection, transaction, groupId, advances);
        }
        catch (StoreConflictException)
        {
            transaction.Rollback();
            throw;
        }

        if (events.Count > 0)
        {
            NoteEventRows.Insert(connection, events);
            NotesUpsert.Apply(connection, transaction, events);
        }

        transaction.Commit();
        Interlocked.Add(ref _written, events.Count);
    });

    /// <summary>The <c>notes</c> table, by note id.</summary>
    public IReadOnlyList<StoredNote> Notes() => Read("read notes from", StoreReads.Notes);

    /// <summary>The <c>consumer_offsets</c> table (of one group, or of all), by group, topic and partition.</summary>
    public IReadOnlyList<StoredOffset> Offsets(string? groupId = null) => Read("read offsets from", connection => StoreReads.Offsets(connection, groupId));

    /// <summary>How many rows <c>note_events</c> holds.</summary>
    public long EventCount() => Read("count events in", StoreReads.EventCount);

    private T Read<T>(string what, Func<System.Data.Common.DbConnection, T> query) => _guard.Run(what, () =>
    {
        using var connection = StoreSql.Connect(_target);
        return query(connection);
    });
}
