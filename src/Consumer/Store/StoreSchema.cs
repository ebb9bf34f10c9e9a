using System.Data.Common;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.Sqlite;

namespace KafkaDemo.Consumer.Store;

/// <summary>
/// The store's tables: checking a database can take writes, applying the migrations it lacks
/// (DbUp, embedded <c>Migrations/*.sql</c>, recorded in <see cref="MigrationsTable"/>), and
/// telling whether a database holds a store at all.
/// </summary>
internal static class StoreSchema
{
    /// <summary>The table DbUp records applied migrations in.</summary>
    public const string MigrationsTable = "schema_migrations";

    /// <summary>Fails, with a <see cref="StoreException"/> or the driver's error, unless <paramref name="target"/> can be written now.</summary>
    public static void CheckWritable(StoreTarget target, DbConnection connection)
    {
        if (target.Engine == StoreEngine.Sqlite)
        {
            // WAL lets readers (sqlite3, `consumer store`) look while a run writes.
            // SQLite opens a file it cannot write read-only, silently, and would fail only at
            // the first batch: ask it. BEGIN IMMEDIATE then waits out (and fails on) a lock.
            if (SQLitePCL.raw.sqlite3_db_readonly(((SqliteConnection)connection).Handle, "main") == 1)
            {
                throw new StoreException($"cannot open {target}: the file is read-only");
            }

            StoreSql.Execute(connection, "PRAGMA journal_mode=WAL;");
            StoreSql.Execute(connection, "BEGIN IMMEDIATE; ROLLBACK;");
        }
        else
        {
            // A round trip, so that a broken pooled connection shows here, where it is retried, not in DbUp.
            StoreSql.Execute(connection, "SELECT 1");
        }
    }

    /// <summary>Applies the migrations <paramref name="target"/> lacks; DbUp's result says which and whether it succeeded.</summary>
    public static DbUp.Engine.DatabaseUpgradeResult Migrate(StoreTarget target) => Migrations(target).Build().PerformUpgrade();

    /// <summary>Whether the database holds all of the first migration's tables, in the schema unqualified names resolve to.</summary>
    public static bool HoldsTables(StoreTarget target, DbConnection connection) =>
        StoreSql.Count(connection, (target.Engine == StoreEngine.Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN "
            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ") +
            "('note_events', 'notes', 'consumer_offsets')") == 3;

    private static UpgradeEngineBuilder Migrations(StoreTarget target)
    {
        var builder = target.Engine == StoreEngine.Sqlite
            ? DeployChanges.To.SqliteDatabase(target.ConnectionString).JournalToSqliteTable(MigrationsTable)
            : DeployChanges.To.PostgresqlDatabase(target.ConnectionString).JournalToPostgresqlTable("public", MigrationsTable);
        return builder
            .WithScriptsEmbeddedInAssembly(typeof(StoreSchema).Assembly, name => name.Contains(".Store.Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere();
    }
}
