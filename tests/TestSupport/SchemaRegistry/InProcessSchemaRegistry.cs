using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KafkaDemo.TestSupport.SchemaRegistry;

/// <summary>
/// A schema registry for tests, served over HTTP on 127.0.0.1 from inside the test process, for
/// machines where no real one can run (no JVM, no Docker). It answers the REST subset Confluent's
/// .NET client uses (<see cref="SchemaRegistryRoutes"/>) with the registry's semantics
/// (<see cref="SchemaRegistryStore"/>); what it does not model (compatibility rules, deletion,
/// contexts, authentication) a test needs a real registry for.
/// </summary>
public sealed class InProcessSchemaRegistry : IAsyncDisposable
{
    private const string ContentType = "application/vnd.schemaregistry.v1+json";

    private readonly HttpListener _listener;
    private readonly SchemaRegistryRoutes _routes;
    private readonly Task _serving;
    private readonly ConcurrentQueue<string> _requests = new();

    private InProcessSchemaRegistry(HttpListener listener, SchemaRegistryStore store)
    {
        _listener = listener;
        Store = store;
        _routes = new SchemaRegistryRoutes(store);
        Url = listener.Prefixes.Single().TrimEnd('/');
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The registry's base address, <c>http://127.0.0.1:port</c>.</summary>
    public string Url { get; }

    /// <summary>What the registry holds, for a test to arrange or check directly.</summary>
    public SchemaRegistryStore Store { get; }

    /// <summary>
    /// While set, every request is answered with this HTTP status and Confluent's error body, as a
    /// registry that is overloaded or starting (503) would; null answers normally.
    /// </summary>
    public int? FailingStatus { get; set; }

    /// <summary>Every request answered so far, as <c>METHOD /path?query</c>, in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Starts a registry on a free port of 127.0.0.1.</summary>
    public static InProcessSchemaRegistry Start()
    {
        // HttpListener cannot be given port 0, so a free port is found first; another process may
        // take it in between, hence the few tries.
        for (var attempt = 1; ; attempt++)
        {
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{FreePort()}/");
            try
            {
                listener.Start();
                return new InProcessSchemaRegistry(listener, new SchemaRegistryStore());
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Stops answering: from then on a client finds the port refusing connections.</summary>
    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        await _serving.ConfigureAwait(false);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var rawUrl = request.RawUrl ?? "/";
        _requests.Enqueue($"{request.HttpMethod} {rawUrl}");
        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync().ConfigureAwait(false);
        }

        RegistryReply reply;
        try
        {
            reply = FailingStatus is { } status
                ? RegistryReply.Error(status, $"HTTP {status}")
                : _routes.Answer(request.HttpMethod, rawUrl, body);
        }
        catch (Exception e)
        {
            // A fault of the test registry itself: answered, so the test fails at once with it
            // instead of waiting out the client's timeout.
            reply = RegistryReply.Error(50001, $"the in-process registry failed: {e}");
        }

        var bytes = Encoding.UTF8.GetBytes(reply.Json);
        var response = context.Response;
        response.StatusCode = reply.Status;
        response.ContentType = ContentType;
        response.ContentLength64 = bytes.Length;
        try
        {
            await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // The client went away, or the registry is being disposed: nobody is left to answer.
        }
    }
}
