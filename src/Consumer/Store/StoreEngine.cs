namespace KafkaDemo.Consumer.Store;

/// <summary>The database behind <c>--store</c>.</summary>
public enum StoreEngine
{
    /// <summary>A SQLite file (Microsoft.Data.Sqlite).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (Npgsql).</summary>
    Postgres,
}
