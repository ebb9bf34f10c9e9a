using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KafkaDemo.Consumer.Store;

/// <summary>The ADO.NET steps every part of the store takes, the same on SQLite and PostgreSQL: connect, build a command, bind a parameter.</summary>
internal static class StoreSql
{
    /// <summary>An open connection to <paramref name="target"/>, from the driver's pool.</summary>
    public static DbConnection Connect(StoreTarget target)
    {
        DbConnection connection = target.Engine == StoreEngine.Sqlite
            ? new SqliteConnection(target.ConnectionString)
            : new NpgsqlConnection(target.ConnectionString);
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

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static void Execute(DbConnection connection, string sql)
    {
        using var command = Command(connection, null, sql);
        command.ExecuteNonQuery();
    }

    public static long Count(DbConnection connection, string sql)
    {
        using var command = Command(connection, null, sql);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static void Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
