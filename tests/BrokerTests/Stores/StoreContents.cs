using System.Data.Common;
using Confluent.Kafka;
using KafkaDemo.Common.Events;
using KafkaDemo.Consumer.Processing;
using KafkaDemo.Consumer.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KafkaDemo.BrokerTests.Stores;

/// <summary>What a store holds, read with plain SQL, and what it should hold, replayed from the topic.</summary>
public static class StoreContents
{
    /// <summary>How many events the store holds, read without opening it as the Consumer does (no lock, no migration check); -1 while it cannot be read.</summary>
    public static long Count(StoreTarget target)
    {
        try
        {
            using var connection = Connect(target);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM note_events";
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (DbException)
        {
            return -1;
        }
    }

    private static DbConnection Connect(StoreTarget target)
    {
        DbConnection connection = target.Engine == StoreEngine.Sqlite ? new SqliteConnection(target.ConnectionString) : new NpgsqlConnection(target.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Every stored (partition, offset) of <paramref name="topic"/>, duplicates included, in order.</summary>
    public static List<(int Partition, long Offset)> Positions(StoreTarget target, string topic)
    {
        using var connection = Connect(target);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT kafka_partition, kafka_offset FROM note_events WHERE kafka_topic = @topic ORDER BY kafka_partition, kafka_offset";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@topic";
        parameter.Value = topic;
        command.Parameters.Add(parameter);
        using var reader = command.ExecuteReader();
        var rows = new List<(int, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt32(0), reader.GetInt64(1)));
        }

        return rows;
    }

    /// <summary>The notes table a replay of <paramref name="messages"/> gives: per note, its latest event by (timestamp, topic, partition, offset).</summary>
    public static List<StoredNote> Replay(IEnumerable<ConsumeResult<byte[], byte[]>> messages) =>
        [.. messages
            .Select(m => StoredEvents.From(m, ConsumeResults.Decode(m), DateTimeOffset.UtcNow))
            .OfType<StoredEvent>()
            .Where(e => e.NoteId is not null && NoteEventTypes.All.Contains(e.EventType))
            .GroupBy(e => e.NoteId!.Value)
            .Select(g => g.OrderBy(e => e.TimestampMs).ThenBy(e => e.Topic, StringComparer.Ordinal).ThenBy(e => e.Partition).ThenBy(e => e.Offset).Last())
            .Select(e => e.EventType == NoteEventTypes.Deleted
                ? new StoredNote(e.NoteId!.Value, null, true, e.Topic, e.Partition, e.Offset)
                : new StoredNote(e.NoteId!.Value, e.Text, false, e.Topic, e.Partition, e.Offset))
            .OrderBy(n => n.NoteId)];
}
