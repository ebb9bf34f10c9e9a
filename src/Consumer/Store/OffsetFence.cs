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
        foreach (var advance in advances)
        {
            if (Move(connection, transaction, groupId, advance) != 1)
            {
                throw new StoreConflictException(string.Create(CultureInfo.InvariantCulture,
                    $"the stored offset of {advance.Partition.Topic}[{advance.Partition.Partition.Value}] for group {groupId} is no longer {(advance.Expected is { } e ? e.ToString(CultureInfo.InvariantCulture) : "unset")}: another consumer wrote it"));
            }
        }
    }

    // A partition without a row gets one, unless another consumer inserted it first; one with a
    // row moves only from the expected offset. Either way one row changed, or none.
    private static int Move(DbConnection connection, DbTransaction transaction, string groupId, OffsetAdvance advance)
    {
        using var command = StoreSql.Command(connection, transaction, advance.Expected is null
            ? "INSERT INTO consumer_offsets (group_id, kafka_topic, kafka_partition, next_offset) VALUES (@group, @topic, @partition, @next) ON CONFLICT DO NOTHING"
            : "UPDATE consumer_offsets SET next_offset = @next WHERE group_id = @group AND kafka_topic = @topic AND kafka_partition = @partition AND next_offset = @expected");
        StoreSql.Parameter(command, "@group", groupId);
        StoreSql.Parameter(command, "@topic", advance.Partition.Topic);
        StoreSql.Parameter(command, "@partition", advance.Partition.Partition.Value);
        StoreSql.Parameter(command, "@next", advance.Next);
        if (advance.Expected is { } expected)
        {
            StoreSql.Parameter(command, "@expected", expected);
        }

        return command.ExecuteNonQuery();
    }
}
