using System.Data.Common;
using Npgsql;

namespace KafkaDemo.Consumer.Store;

/// <summary>
/// Runs one piece of the store's work against <paramref name="target"/>, retried once on a fresh
/// connection after a PostgreSQL failure, and turns what still fails into a
/// <see cref="StoreException"/> of one line without the password.
/// </summary>
internal sealed class StoreGuard(StoreTarget target)
{
    // A server that restarted leaves broken connections in Npgsql's pool: the first failure on
    // PostgreSQL empties the pool and tries once more on a new connection. A write retried so is
    // safe: if its first commit did land, the offsets have moved and the retry is a conflict.
    public T Run<T>(string what, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (NpgsqlException)
        {
            NpgsqlConnection.ClearAllPools();
        }
        catch (Exception ex) when (IsDatabaseFailure(ex))
        {
            throw Failure(what, ex);
        }

        try
        {
            return action();
        }
        catch (Exception ex) when (IsDatabaseFailure(ex))
        {
            throw Failure(what, ex);
        }
    }

    public void Run(string what, Action action) => Run<bool>(what, () =>
    {
        action();
        return true;
    });

    /// <summary>The first line of <paramref name="message"/>, and never the password, should a driver ever quote it.</summary>
    public string Clean(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        var password = target.Engine == StoreEngine.Postgres ? new NpgsqlConnectionStringBuilder(target.ConnectionString).Password : null;
        return string.IsNullOrEmpty(password) ? line : line.Replace(password, "***", StringComparison.Ordinal);
    }

    private StoreException Failure(string what, Exception ex) => new($"cannot {what} {target}: {Clean(ex.Message)}", ex);

    private static bool IsDatabaseFailure(Exception ex) =>
        ex is DbException or InvalidOperationException or TimeoutException or System.Net.Sockets.SocketException;
}
