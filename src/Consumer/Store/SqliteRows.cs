using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace KafkaDemo.Consumer.Store;

/// <summary>Runs one statement once per row on SQLite, inside the connection's open transaction.</summary>
/// <remarks>
/// Exists for speed: Microsoft.Data.Sqlite binds every parameter by name on every execution, which
/// cost more than SQLite's own work for each stored event. Here the statement is prepared once per
/// batch on the connection's own handle and its values bound by position. It could go if the
/// driver bound a prepared command's parameters by position.
/// </remarks>
internal static class SqliteRows
{
    /// <summary>
    /// Runs <paramref name="sql"/>, whose parameters are <c>?1</c>, <c>?2</c>, …, once for each of
    /// <paramref name="rows"/>: null, text, integer or boolean values in parameter order.
    /// </summary>
    /// <exception cref="SqliteException">SQLite refused the statement or a row.</exception>
    public static void Run(SqliteConnection connection, string sql, IEnumerable<object?[]> rows)
    {
        var database = connection.Handle!;
        Check(database, raw.sqlite3_prepare_v2(database, sql, out var statement));
        using (statement)
        {
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    Check(database, Bind(statement, i + 1, row[i]));
                }

                var step = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (step != raw.SQLITE_DONE)
                {
                    Check(database, step);
                }
            }
        }
    }

    // As Microsoft.Data.Sqlite stores them: booleans and integers as INTEGER, strings as TEXT.
    private static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string text => raw.sqlite3_bind_text(statement, index, text),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        _ => throw new ArgumentException($"no SQLite binding for {value.GetType()}", nameof(value)),
    };

    private static void Check(sqlite3 database, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite Error {result}: '{raw.sqlite3_errmsg(database).utf8_to_string()}'.", result, raw.sqlite3_extended_errcode(database));
        }
    }
}
