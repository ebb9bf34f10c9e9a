using Microsoft.Data.Sqlite;
using Npgsql;

namespace KafkaDemo.Consumer.Store;

/// <summary>
/// Where <c>--store</c> keeps consumed events: <c>sqlite:&lt;path&gt;</c>, a
/// <c>postgres://user:password@host:port/database</c> URL, or an Npgsql connection string
/// (<c>Host=…;Username=…;Password=…;Database=…</c>).
/// </summary>
/// <param name="Engine">Which database.</param>
/// <param name="ConnectionString">What the driver opens; holds the password, so never shown.</param>
/// <param name="Display">The target for messages, with any password masked.</param>
public sealed record StoreTarget(StoreEngine Engine, string ConnectionString, string Display)
{
    private const string Mask = "***";

    /// <summary>Reads a target; null, with <paramref name="error"/> saying why (never quoting a password), when it is not one.</summary>
    public static StoreTarget? Parse(string text, out string? error)
    {
        error = null;
        if (text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = text["sqlite:".Length..];
            if (path.Length == 0)
            {
                error = "sqlite: needs a file path, as in sqlite:notes.db";
                return null;
            }

            var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 10 };
            return new StoreTarget(StoreEngine.Sqlite, builder.ConnectionString, $"sqlite:{path}");
        }

        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromUrl(text, out error);
        }

        if (text.Contains('='))
        {
            try
            {
                return Postgres(new NpgsqlConnectionStringBuilder(text));
            }
            catch (ArgumentException)
            {
                error = "not a valid Npgsql connection string";
                return null;
            }
        }

        error = "use sqlite:<path>, postgres://user:password@host:port/database or an Npgsql connection string";
        return null;
    }

    private static StoreTarget? FromUrl(string text, out string? error)
    {
        error = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host))
        {
            error = "not a valid postgres:// URL (postgres://user:password@host:port/database)";
            return null;
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = url.Host, Port = url.IsDefaultPort || url.Port < 0 ? 5432 : url.Port };
        var database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (url.UserInfo.Length > 0)
        {
            var colon = url.UserInfo.IndexOf(':');
            builder.Username = Uri.UnescapeDataString(colon < 0 ? url.UserInfo : url.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(url.UserInfo[(colon + 1)..]);
            }
        }

        return Postgres(builder);
    }

    private static StoreTarget Postgres(NpgsqlConnectionStringBuilder builder)
    {
        var user = string.IsNullOrEmpty(builder.Username) ? string.Empty : builder.Username + (string.IsNullOrEmpty(builder.Password) ? string.Empty : ":" + Mask) + "@";
        var display = $"postgres://{user}{builder.Host}:{builder.Port}/{builder.Database}";
        return new StoreTarget(StoreEngine.Postgres, builder.ConnectionString, display);
    }

    /// <summary>
    /// The same database, opened so that nothing can be written through it: SQLite read-only,
    /// PostgreSQL with every transaction read-only (the server refuses a write).
    /// </summary>
    public StoreTarget ReadOnly() => this with
    {
        ConnectionString = Engine == StoreEngine.Sqlite
            ? new SqliteConnectionStringBuilder(ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ConnectionString
            : new NpgsqlConnectionStringBuilder(ConnectionString) { Options = "-c default_transaction_read_only=on" }.ConnectionString,
    };

    /// <summary>The target as shown in logs and errors: the password masked.</summary>
    public override string ToString() => Display;
}
