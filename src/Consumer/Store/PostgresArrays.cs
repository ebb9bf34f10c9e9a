using Npgsql;
using NpgsqlTypes;

namespace KafkaDemo.Consumer.Store;

/// <summary>A batch's column as one PostgreSQL array parameter, for statements that <c>unnest</c> a whole batch.</summary>
internal static class PostgresArrays
{
    /// <summary>The array <c>@<paramref name="name"/></c> of <paramref name="column"/> over <paramref name="rows"/>, its elements of type <paramref name="element"/>.</summary>
    public static NpgsqlParameter<T[]> Of<TRow, T>(string name, NpgsqlDbType element, IReadOnlyList<TRow> rows, Func<TRow, T> column)
    {
        var values = new T[rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = column(rows[i]);
        }

        return new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | element) { TypedValue = values };
    }
}
