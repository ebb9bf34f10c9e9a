using System.Data.Common;
using System.Globalization;

namespace KafkaDemo.Consumer.Store;

/// <summary>
/// Moves a group's stored offsets inside a batch's transaction, only from where this consumer
/// last saw them: an offset that moved meanwhile was written by another consumer (a rebalance,
/// a zombie), and the whole batch is refused.
/// </summary>
internal static class OffsetFence
{
    /// <summary>Applies every advance in <paramref name="transaction"/>, which the caller rolls back should one throw.</summary>
    /// <exception cref="StoreConflictException">An offset was not where its advance expected it.</exception>
    public static void Advance(DbConnection connection, DbTransaction transaction, string groupId, IReadOnlyList<OffsetAdvance> advances)
    {
        var moved = Move(connection, transaction, groupId, advances);
        for (var i = 0; i < advances.Count; i++)
        {
            if (moved[i] != 1)
            {
                var advance = advances[i];
                throw new StoreConflictException(string.Create(CultureInfo.InvariantCulture,
                    $"the stored offset of {advance.Partition.Topic}[{advance.Partition.Partition.Value}] for group {groupId} is no longer {(advance.Expected is { } e ? e.ToString(CultureInfo.InvariantCulture) : "unset")}: another consumer wrote it"));
            }
        }
    }

    // Rows changed per advance. Where the driver batches (Npgsql) every partition's statement
    // goes in one round trip; otherwise (SQLite, in-process) one after another.
    private static int[] Move(DbConnection connection, DbTransaction transaction, string groupId, IReadOnlyList<OffsetAdvance> advances)
    {
        if (!connection.CanCreateBatch)
        {
            return [.. advances.Select(advance =>
            {
                using var command = StoreSql.Command(connection, transaction, Sql(advance));
                Bind(command.Parameters, command.CreateParameter, groupId, advance);
                return command.ExecuteNonQuery();
            })];
        }

        using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var advance in advances)
        {
            var statement = batch.CreateBatchCommand();
            statement.CommandText = Sql(advance);
            Bind(statement.Parameters, statement.CreateParameter, groupId, advance);
            batch.BatchCommands.Add(statement);
        }

        if (advances.Count > 0)
        {
            batch.ExecuteNonQuery();
        }

        return [.. batch.BatchCommands.Cast<DbBatchCommand>().Select(statement => statement.RecordsAffected)];
    }

    // A partition without a row gets one, unless another consumer inserted it first; one with a
    // row moves only from the expected offset. Either way one row changed, or none.
    private static string Sql(OffsetAdvance advance) => advance.Expected is null
        ? "INSERT INTO consumer_offsets (group_id, kafka_topic, kafka_partition, next_offset) VALUES (@group, @topic, @partition, @next) ON CONFLICT DO NOTHING"
        : "UPDATE consumer_offsets SET next_offset = @next WHERE group_id = @group AND kafka_topic = @topic AND kafka_partition = @partition AND next_offset = @expected";

    private static void Bind(DbParameterCollection parameters, Func<DbParameter> create, string groupId, OffsetAdvance advance)
    {
        void Add(string name, object value)
        {
            var parameter = create();
            parameter.ParameterName = name;
            parameter.Value = value;
            parameters.Add(parameter);
        }

        Add("@group", groupId);
        Add("@topic", advance.Partition.Topic);
        Add("@partition", advance.Partition.Partition.Value);
        Add("@next", advance.Next);
        if (advance.Expected is { } expected)
        {
            Add("@expected", expected);
        }
    }
}
