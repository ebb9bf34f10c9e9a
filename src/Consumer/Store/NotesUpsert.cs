using System.Data.Common;
using KafkaDemo.Common.Events;

namespace KafkaDemo.Consumer.Store;

/// <summary>Brings the <c>notes</c> table up to a batch's note events, inside the batch's transaction.</summary>
internal static class NotesUpsert
{
    // created and updated set a note's text, deleted marks it deleted (and clears the text); of two
    // events for the same note, the later by (timestamp, topic, partition, offset) wins whatever
    // order they are consumed in, so the table is the same however partitions interleave.
    public static void Apply(DbConnection connection, DbTransaction transaction, IReadOnlyList<StoredEvent> events) =>
        RowStatements.ForEachRow(connection, transaction,
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
}
