using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace KafkaDemo.Consumer.Store;

/// <summary>Inserts a batch's events into <c>note_events</c>, inside the batch's transaction.</summary>
internal static class NoteEventRows
{
    private const string Columns = "kafka_topic, kafka_partition, kafka_offset, message_key, event_type, note_id, note_text, kafka_timestamp_ms, headers, consumed_at";

    public static void Insert(DbConnection connection, IReadOnlyList<StoredEvent> events)
    {
        if (connection is NpgsqlConnection postgres)
        {
            Copy(postgres, events);
            return;
        }

        SqliteRows.Run((SqliteConnection)connection, $"INSERT INTO note_events ({Columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            events.Select(e => new object?[]
            {
                e.Topic, e.Partition, e.Offset, e.Key, e.EventType, e.NoteId, e.Text, e.TimestampMs, e.HeadersJson, ConsumedAt(e),
            }));
    }

    // PostgreSQL takes the rows fastest as one binary COPY, inside the batch's transaction.
    private static void Copy(NpgsqlConnection connection, IReadOnlyList<StoredEvent> events)
    {
        using var copy = connection.BeginBinaryImport($"COPY note_events ({Columns}) FROM STDIN (FORMAT BINARY)");
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
}
