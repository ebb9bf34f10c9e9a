using System.Data.Common;
using System.Globalization;
using Confluent.Kafka;
using DbUp;
using DbUp.Builder;
using KafkaDemo.Common.Events;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace KafkaDemo.Consumer.Store;

/// <summary>
/// The database behind <c>--store</c>, SQLite or PostgreSQL through the same SQL: schema
/// migrations at open (DbUp, recorded in <c>schema_migrations</c>), the stored offsets, and batches
/// of events written in one transaction together with the offsets they advance. Each call opens a
/// pooled connection of its own, so instances on several threads share one store and a database
/// that restarts is simply reconnected to.
/// </summary>
public sealed class EventStore
{
    /// <summary>The table DbUp records applied migrations in.</summary>
    public const string MigrationsTable = "schema_migrations";

    private readonly StoreTarget _target;
    private long _written;

    private EventStore(StoreTarget target) => _target = target;

    /// <summary>Events this process has written so far.</summary>
    public long WrittenEvents => Interlocked.Read(ref _written);

    /// <summary>Where the store is, for messages (password masked).</summary>
    public StoreTarget Target => _target;

    /// <summary>Connects, checks the database can be written, and applies the migrations it lacks.</summary>
    /// <exception cref="StoreException">The database cannot be reached, written or migrated.</exception>
    public static EventStore Open(StoreTarget target, Action<string>? applied = null)
    {
        var store = new EventStore(target);
        store.Guard("open", () =>
        {
            using var connection = store.Connect();
            if (target.Engine == StoreEngine.Sqlite)
            {
                // WAL lets readers (sqlite3, `consumer store`) look while a run writes.
                // SQLite opens a file it cannot write read-only, silently, and would fail only at
                // the first batch: ask it. BEGIN IMMEDIATE then waits out (and fails on) a lock.
                if (SQLitePCL.raw.sqlite3_db_readonly(((SqliteConnection)connection).Handle, "main") == 1)
                {
                    throw new StoreException($"cannot open {target}: the file is read-only");
                }

                Execute(connection, "PRAGMA journal_mode=WAL;");
                Execute(connection, "BEGIN IMMEDIATE; ROLLBACK;");
            }
            else
            {
                // A round trip, so that a broken pooled connection shows here, where it is retried, not in DbUp.
                Execute(connection, "SELECT 1");
            }
        });

        var upgrade = store.Guard("migrate", () => store.Migrations().Build().PerformUpgrade());
        if (!upgrade.Successful)
        {
            throw new StoreException($"cannot migrate {target}: {store.Clean(upgrade.Error.Message)}", upgrade.Error);
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
        return store.Guard("open", store.HoldsTables) ? store : null;
    }

    /// <summary>The next offset stored for <paramref name="groupId"/> in each of <paramref name="partitions"/> that has one.</summary>
    public IReadOnlyDictionary<TopicPartition, long> Positions(string groupId, IReadOnlyCollection<TopicPartition> partitions) => Guard("read offsets from", () =>
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
    });

    /// <summary>
    /// Writes <paramref name="events"/> and moves the offsets by <paramref name="advances"/> in one
    /// transaction: all of it or none. An offset that is not where the advance expects it means
    /// another consumer wrote the partition: the transaction is rolled back.
    /// </summary>
    /// <exception cref="StoreConflictException">An offset had moved; nothing was written.</exception>
    /// <exception cref="StoreException">The database failed; nothing was written.</exception>
    public void Write(string groupId, IReadOnlyList<StoredEvent> events, IReadOnlyList<OffsetAdvance> advances) => Guard("write to", () =>
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        foreach (var advance in advances)
        {
            if (Advance(connection, transaction, groupId, advance) != 1)
            {
                transaction.Rollback();
                throw new StoreConflictException(string.Create(CultureInfo.InvariantCulture,
                    $"the stored offset of {advance.Partition.Topic}[{advance.Partition.Partition.Value}] for group {groupId} is no longer {(advance.Expected is { } e ? e.ToString(CultureInfo.InvariantCulture) : "unset")}: another consumer wrote it"));
            }
        }

        if (events.Count > 0)
        {
            InsertEvents(connection, transaction, events);
            ApplyToNotes(connection, transaction, events);
        }

        transaction.Commit();
        Interlocked.Add(ref _written, events.Count);
    });

    /// <summary>The <c>notes</c> table, by note id.</summary>
    public IReadOnlyList<StoredNote> Notes() => Guard("read notes from", () =>
    {
        using var connection = Connect();
        using var command = Command(connection, null,
            "SELECT note_id, note_text, deleted, kafka_topic, kafka_partition, kafka_offset FROM notes ORDER BY note_id");
        using var reader = command.ExecuteReader();
        var notes = new List<StoredNote>();
        while (reader.Read())
        {
            notes.Add(new StoredNote(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetBoolean(2),
                reader.GetString(3), reader.GetInt32(4), reader.GetInt64(5)));
        }

        return notes;
    });

    /// <summary>The <c>consumer_offsets</c> table (of one group, or of all), by group, topic and partition.</summary>
    public IReadOnlyList<StoredOffset> Offsets(string? groupId = null) => Guard("read offsets from", () =>
    {
        using var connection = Connect();
        using var command = Command(connection, null,
            "SELECT group_id, kafka_topic, kafka_partition, next_offset FROM consumer_offsets" +
            (groupId is null ? string.Empty : " WHERE group_id = @group") + " ORDER BY group_id, kafka_topic, kafka_partition");
        if (groupId is not null)
        {
            Parameter(command, "@group", groupId);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<StoredOffset>();
        while (reader.Read())
        {
            rows.Add(new StoredOffset(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3)));
        }

        return rows;
    });

    /// <summary>How many rows <c>note_events</c> holds.</summary>
    public long EventCount() => Guard("count events in", () =>
    {
        using var connection = Connect();
        using var command = Command(connection, null, "SELECT COUNT(*) FROM note_events");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    });

    // All of the first migration's tables, in the schema unqualified names resolve to.
    private bool HoldsTables()
    {
        using var connection = Connect();
        using var command = Command(connection, null, (_target.Engine == StoreEngine.Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN "
            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ") +
            "('note_events', 'notes', 'consumer_offsets')");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 3;
    }

    private UpgradeEngineBuilder Migrations()
    {
        var builder = _target.Engine == StoreEngine.Sqlite
            ? DeployChanges.To.SqliteDatabase(_target.ConnectionString).JournalToSqliteTable(MigrationsTable)
            : DeployChanges.To.PostgresqlDatabase(_target.ConnectionString).JournalToPostgresqlTable("public", MigrationsTable);
        return builder
            .WithScriptsEmbeddedInAssembly(typeof(EventStore).Assembly, name => name.Contains(".Store.Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere();
    }

    private static int Advance(DbConnection connection, DbTransaction transaction, string groupId, OffsetAdvance advance)
    {
        using var command = Command(connection, transaction, advance.Expected is null
            ? "INSERT INTO consumer_offsets (group_id, kafka_topic, kafka_partition, next_offset) VALUES (@group, @topic, @partition, @next) ON CONFLICT DO NOTHING"
            : "UPDATE consumer_offsets SET next_offset = @next WHERE group_id = @group AND kafka_topic = @topic AND kafka_partition = @partition AND next_offset = @expected");
        Parameter(command, "@group", groupId);
        Parameter(command, "@topic", advance.Partition.Topic);
        Parameter(command, "@partition", advance.Partition.Partition.Value);
        Parameter(command, "@next", advance.Next);
        if (advance.Expected is { } expected)
        {
            Parameter(command, "@expected", expected);
        }

        return command.ExecuteNonQuery();
    }

    private static void InsertEvents(DbConnection connection, DbTransaction transaction, IReadOnlyList<StoredEvent> events)
    {
        if (connection is NpgsqlConnection postgres)
        {
            CopyEvents(postgres, events);
            return;
        }

        ForEachRow(connection, transaction,
            "INSERT INTO note_events (kafka_topic, kafka_partition, kafka_offset, message_key, event_type, note_id, note_text, kafka_timestamp_ms, headers, consumed_at) " +
            "VALUES (@topic, @partition, @offset, @key, @type, @id, @text, @timestamp, @headers, @consumed)",
            ["@topic", "@partition", "@offset", "@key", "@type", "@id", "@text", "@timestamp", "@headers", "@consumed"],
            events.Select(e => new object?[]
            {
                e.Topic, e.Partition, e.Offset, e.Key, e.EventType, e.NoteId, e.Text, e.TimestampMs, e.HeadersJson,
                ConsumedAt(e),
            }));
    }

    // PostgreSQL takes the rows fastest as one binary COPY, inside the batch's transaction.
    private static void CopyEvents(NpgsqlConnection connection, IReadOnlyList<StoredEvent> events)
    {
        using var copy = connection.BeginBinaryImport(
            "COPY note_events (kafka_topic, kafka_partition, kafka_offset, message_key, event_type, note_id, note_text, kafka_timestamp_ms, headers, consumed_at) FROM STDIN (FORMAT BINARY)");
        foreach (var e in events)
        {
            copy.StartRow();
            copy.Write(e.Topic, NpgsqlDbType.Text);
            copy.Write(e.Partition, NpgsqlDbType.Integer);
            copy.Write(e.Offset, NpgsqlDbType.Bigint);
            WriteOrNull(copy, e.Key, NpgsqlDbType.Text);
            WriteOrNull(copy, e.EventType, NpgsqlDbType.Text);
            WriteOrNull(copy, e.NoteId, NpgsqlDbType.Bigint);
            WriteOrNull(copy, e.Text, NpgsqlDbType.Text);
            copy.Write(e.TimestampMs, NpgsqlDbType.Bigint);
            copy.Write(e.HeadersJson, NpgsqlDbType.Text);
            copy.Write(ConsumedAt(e), NpgsqlDbType.Text);
        }

        copy.Complete();
    }

    private static void WriteOrNull<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, type);
        }
    }

    private static string ConsumedAt(StoredEvent e) => e.ConsumedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // created and updated set a note's text, deleted marks it deleted (and clears the text); of two
    // events for the same note, the later by (timestamp, topic, partition, offset) wins whatever
    // order they are consumed in, so the table is the same however partitions interleave.
    private static void ApplyToNotes(DbConnection connection, DbTransaction transaction, IReadOnlyList<StoredEvent> events) =>
        ForEachRow(connection, transaction,
            "INSERT INTO notes (note_id, note_text, deleted, kafka_timestamp_ms, kafka_topic, kafka_partition, kafka_offset) " +
            "VALUES (@id, @text, @deleted, @timestamp, @topic, @partition, @offset) " +
            "ON CONFLICT (note_id) DO UPDATE SET note_text = excluded.note_text, " +
            "deleted = excluded.deleted, kafka_timestamp_ms = excluded.kafka_timestamp_ms, kafka_topic = excluded.kafka_topic, " +
            "kafka_partition = excluded.kafka_partition, kafka_offset = excluded.kafka_offset " +
            "WHERE (excluded.kafka_timestamp_ms, excluded.kafka_topic, excluded.kafka_partition, excluded.kafka_offset) > " +
            "(notes.kafka_timestamp_ms, notes.kafka_topic, notes.kafka_partition, notes.kafka_offset)",
            ["@id", "@text", "@deleted", "@timestamp", "@topic", "@partition", "@offset"],
            events.Where(e => e.NoteId is not null && NoteEventTypes.All.Contains(e.EventType)).Select(e =>
            {
                var deleted = e.EventType == NoteEventTypes.Deleted;
                return new object?[] { e.NoteId, deleted ? null : e.Text, deleted, e.TimestampMs, e.Topic, e.Partition, e.Offset };
            }));

    // One statement per row. Where the driver batches (Npgsql: every row in one round trip) the
    // rows go as one batch; otherwise (SQLite, in-process anyway) through one prepared command.
    private static void ForEachRow(DbConnection connection, DbTransaction transaction, string sql, string[] names, IEnumerable<object?[]> rows)
    {
        if (connection.CanCreateBatch)
        {
            using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var row in rows)
            {
                var statement = batch.CreateBatchCommand();
                statement.CommandText = sql;
                for (var i = 0; i < names.Length; i++)
                {
                    var parameter = statement.CreateParameter();
                    parameter.ParameterName = names[i];
                    parameter.Value = row[i] ?? DBNull.Value;
                    statement.Parameters.Add(parameter);
                }

                batch.BatchCommands.Add(statement);
            }

            if (batch.BatchCommands.Count > 0)
            {
                batch.ExecuteNonQuery();
            }

            return;
        }

        using var command = Command(connection, transaction, sql);
        var parameters = names.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }
    }

    private DbConnection Connect()
    {
        DbConnection connection = _target.Engine == StoreEngine.Sqlite
            ? new SqliteConnection(_target.ConnectionString)
            : new NpgsqlConnection(_target.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = Command(connection, null, sql);
        command.ExecuteNonQuery();
    }

    private static void Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    // A server that restarted leaves broken connections in Npgsql's pool: the first failure on
    // PostgreSQL empties the pool and tries once more on a new connection. A write retried so is
    // safe: if its first commit did land, the offsets have moved and the retry is a conflict.
    private T Guard<T>(string what, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (NpgsqlException)
        {
            NpgsqlConnection.ClearAllPools();
        }
        catch (Exception ex) when (IsDatabaseFailure(ex))
        {
            throw new StoreException($"cannot {what} {_target}: {Clean(ex.Message)}", ex);
        }

        try
        {
            return action();
        }
        catch (Exception ex) when (IsDatabaseFailure(ex))
        {
            throw new StoreException($"cannot {what} {_target}: {Clean(ex.Message)}", ex);
        }
    }

    private static bool IsDatabaseFailure(Exception ex) =>
        ex is DbException or InvalidOperationException or TimeoutException or System.Net.Sockets.SocketException;

    private void Guard(string what, Action action) => Guard<bool>(what, () =>
    {
        action();
        return true;
    });

    // First line only, and never the password, should a driver ever quote it.
    private string Clean(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        var password = _target.Engine == StoreEngine.Postgres ? new NpgsqlConnectionStringBuilder(_target.ConnectionString).Password : null;
        return string.IsNullOrEmpty(password) ? line : line.Replace(password, "***", StringComparison.Ordinal);
    }
}
