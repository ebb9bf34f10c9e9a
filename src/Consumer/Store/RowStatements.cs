using System.Data.Common;

namespace KafkaDemo.Consumer.Store;

/// <summary>Runs one parameterised statement once per row, inside a transaction, as cheaply as the driver allows.</summary>
internal static class RowStatements
{
    // Where the driver batches (Npgsql: every row in one round trip) the rows go as one batch;
    // otherwise (SQLite, in-process anyway) through one prepared command.
    public static void ForEachRow(DbConnection connection, DbTransaction transaction, string sql, string[] names, IEnumerable<object?[]> rows)
    {
        if (connection.CanCreateBatch)
        {
            using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var row in rows)
            {
                var statement = batch.CreateBatchCommand();
                statement.CommandText = sql;
                for (var i = 0; i < names.Length; i++)
                {
                    var parameter = statement.CreateParameter();
                    parameter.ParameterName = names[i];
                    parameter.Value = row[i] ?? DBNull.Value;
                    statement.Parameters.Add(parameter);
                }

                batch.BatchCommands.Add(statement);
            }

            if (batch.BatchCommands.Count > 0)
            {
                batch.ExecuteNonQuery();
            }

            return;
        }

        using var command = StoreSql.Command(connection, transaction, sql);
        var parameters = names.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }
    }
}
