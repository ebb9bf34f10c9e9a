using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KafkaDemo.BrokerTests.Stores;

/// <summary>
/// A throwaway PostgreSQL server from the machine's own installation (Debian's postgresql
/// package): a private data directory, a free port on 127.0.0.1, password authentication, run as
/// the <c>postgres</c> user when the tests run as root (the server refuses root). Stopped, and its
/// directory deleted, on dispose.
/// </summary>
public sealed class LocalPostgres : IDisposable
{
    public const string Password = "kafkademo-test";

    private readonly string _bin;
    private readonly string _data;
    private readonly bool _asPostgresUser = Environment.UserName == "root";

    private LocalPostgres(string bin, string data, int port)
    {
        _bin = bin;
        _data = data;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The newest installed server's bin directory, or null when none is installed.</summary>
    public static string? FindInstallation() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    /// <summary>Creates a cluster and starts it; throws with the server's own words when it cannot.</summary>
    public static LocalPostgres Start(string bin)
    {
        var data = Directory.CreateTempSubdirectory("kafkademo-pg-").FullName;
        var server = new LocalPostgres(bin, data, FreePort());
        server.Run("chown", "-R", "postgres:postgres", data);
        var passwordFile = Path.Combine(data, "password");
        File.WriteAllText(passwordFile, Password);
        server.Run("chown", "postgres:postgres", passwordFile);
        server.RunServerTool("initdb", "-D", Path.Combine(data, "cluster"), "-U", "postgres", "--auth=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--no-sync");
        server.StartServer();
        return server;
    }

    /// <summary>Starts the server again after <see cref="Stop"/>.</summary>
    public void StartServer() => RunServerTool("pg_ctl", "-D", Path.Combine(_data, "cluster"), "-l", Path.Combine(_data, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {_data} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    /// <summary>Stops the server at once, as a crash or an outage would (connections are cut).</summary>
    public void Stop() => RunServerTool("pg_ctl", "-D", Path.Combine(_data, "cluster"), "-m", "immediate", "-w", "stop");

    public void Dispose()
    {
        try
        {
            RunServerTool("pg_ctl", "-D", Path.Combine(_data, "cluster"), "-m", "fast", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_data, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void RunServerTool(string tool, params string[] arguments)
    {
        var path = Path.Combine(_bin, tool);
        if (_asPostgresUser)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _data };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill();
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }
}
