using System.Net;
using System.Net.Sockets;

namespace KafkaDemo.TestSupport.SchemaRegistry;

/// <summary>An address on this machine where nothing listens, for a registry that is down.</summary>
public static class SilentAddress
{
    /// <summary><c>http://[userInfo@]127.0.0.1:port</c> on a port that was free a moment ago.</summary>
    public static string Http(string? userInfo = null)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        return $"http://{(userInfo is null ? string.Empty : userInfo + "@")}127.0.0.1:{port}";
    }
}
