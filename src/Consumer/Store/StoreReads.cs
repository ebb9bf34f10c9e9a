using System.Data.Common;

namespace KafkaDemo.Consumer.Store;

/// <summary>The store's tables read back: the notes, the stored offsets, the number of events.</summary>
internal static class StoreReads
{
    /// <summary>The <c>notes</c> table, by note id.</summary>
    public static List<StoredNote> Notes(DbConnection connection)
    {
        using var command = StoreSql.Command(connection, null,
            "SELECT note_id, note_text, deleted, kafka_topic, kafka_partition, kafka_offset FROM notes ORDER BY note_id");
        using var reader = command.ExecuteReader();
        var notes = new List<StoredNote>();
        while (reader.Read())
        {
            notes.Add(new StoredNote(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetBoolean(2),
                reader.GetString(3), reader.GetInt32(4), reader.GetInt64(5)));
        }

        return notes;
    }

    /// <summary>The <c>consumer_offsets</c> table (of one group, or of all), by group, topic and partition.</summary>
    public static List<StoredOffset> Offsets(DbConnection connection, string? groupId)
    {
        using var command = StoreSql.Command(connection, null,
            "SELECT group_id, kafka_topic, kafka_partition, next_offset FROM consumer_offsets" +
            (groupId is null ? string.Empty : " WHERE group_id = @group") + " ORDER BY group_id, kafka_topic, kafka_partition");
        if (groupId is not null)
        {
            StoreSql.Parameter(command, "@group", groupId);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<StoredOffset>();
        while (reader.Read())
        {
            rows.Add(new StoredOffset(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3)));
        }

        return rows;
    }

    /// <summary>How many rows <c>note_events</c> holds.</summary>
    public static long EventCount(DbConnection connection) => StoreSql.Count(connection, "SELECT COUNT(*) FROM note_events");
}
