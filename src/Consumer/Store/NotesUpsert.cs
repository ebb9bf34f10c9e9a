using System.Data.Common;
using KafkaDemo.Common.Events;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace KafkaDemo.Consumer.Store;

/// <summary>Brings the <c>notes</c> table up to a batch's note events, inside the batch's transaction.</summary>
/// <remarks>
/// created and updated set a note's text, deleted marks it deleted (and clears the text); of two
/// events for the same note, the later by (timestamp, topic, partition, offset) wins whatever
/// order they are consumed in, so the table is the same however partitions interleave.
/// </remarks>
internal static class NotesUpsert
{
    private const string Columns = "note_id, note_text, deleted, kafka_timestamp_ms, kafka_topic, kafka_partition, kafka_offset";

    // Later wins: a row already there changes only for an event after the one that set it.
    private const string LaterWins =
        " ON CONFLICT (note_id) DO UPDATE SET note_text = excluded.note_text, " +
        "deleted = excluded.deleted, kafka_timestamp_ms = excluded.kafka_timestamp_ms, kafka_topic = excluded.kafka_topic, " +
        "kafka_partition = excluded.kafka_partition, kafka_offset = excluded.kafka_offset " +
        "WHERE (excluded.kafka_timestamp_ms, excluded.kafka_topic, excluded.kafka_partition, excluded.kafka_offset) > " +
        "(notes.kafka_timestamp_ms, notes.kafka_topic, notes.kafka_partition, notes.kafka_offset)";

    public static void Apply(DbConnection connection, DbTransaction transaction, IReadOnlyList<StoredEvent> events)
    {
        var notes = events.Where(e => e.NoteId is not null && NoteEventTypes.All.Contains(e.EventType)).ToList();
        if (notes.Count == 0)
        {
            return;
        }

        if (connection is NpgsqlConnection postgres)
        {
            ApplyAsOneStatement(postgres, (NpgsqlTransaction)transaction, notes);
            return;
        }

        SqliteRows.Run((SqliteConnection)connection, $"INSERT INTO notes ({Columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" + LaterWins,
            notes.Select(e =>
            {
                var deleted = e.EventType == NoteEventTypes.Deleted;
                return new object?[] { e.NoteId, deleted ? null : e.Text, deleted, e.TimestampMs, e.Topic, e.Partition, e.Offset };
            }));
    }

    // Exists for speed: the whole batch as arrays in one statement, which PostgreSQL plans once,
    // where a statement per row was parsed and planned for every event; SQLite's path above is the
    // same rule a row at a time. One statement may not update a row twice, so each note's latest
    // event of the batch is picked first (DISTINCT ON, ordered as the WHERE compares), which
    // leaves the table as row by row would.
    private static void ApplyAsOneStatement(NpgsqlConnection connection, NpgsqlTransaction transaction, List<StoredEvent> notes)
    {
        using var command = new NpgsqlCommand(
            $"INSERT INTO notes ({Columns}) SELECT DISTINCT ON (note_id) {Columns} " +
            $"FROM unnest(@id, @text, @deleted, @timestamp, @topic, @partition, @offset) AS e ({Columns}) " +
            "ORDER BY note_id, kafka_timestamp_ms DESC, kafka_topic DESC, kafka_partition DESC, kafka_offset DESC" + LaterWins,
            connection, transaction);
        command.Parameters.Add(PostgresArrays.Of("id", NpgsqlDbType.Bigint, notes, e => e.NoteId!.Value));
        command.Parameters.Add(PostgresArrays.Of("text", NpgsqlDbType.Text, notes, e => e.EventType == NoteEventTypes.Deleted ? null : e.Text));
        command.Parameters.Add(PostgresArrays.Of("deleted", NpgsqlDbType.Boolean, notes, e => e.EventType == NoteEventTypes.Deleted));
        command.Parameters.Add(PostgresArrays.Of("timestamp", NpgsqlDbType.Bigint, notes, e => e.TimestampMs));
        command.Parameters.Add(PostgresArrays.Of("topic", NpgsqlDbType.Text, notes, e => e.Topic));
        command.Parameters.Add(PostgresArrays.Of("partition", NpgsqlDbType.Integer, notes, e => e.Partition));
        command.Parameters.Add(PostgresArrays.Of("offset", NpgsqlDbType.Bigint, notes, e => e.Offset));
        command.ExecuteNonQuery();
    }
}
