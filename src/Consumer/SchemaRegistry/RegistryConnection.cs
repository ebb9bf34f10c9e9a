using Confluent.SchemaRegistry;
using KafkaDemo.Cli;
using KafkaDemo.Clients;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer.SchemaRegistry;

/// <summary>
/// The run's registry client and the decoders over it, opened once before the consumers start
/// with a check like the brokers': a registry that does not answer is one line at start, not a
/// failed run; messages that need it are reported one by one as they come, the rest are shown.
/// </summary>
internal sealed class RegistryConnection : IDisposable
{
    private readonly CachedSchemaRegistryClient _client;

    private RegistryConnection(CachedSchemaRegistryClient client, RegistryDecoders decoders) => (_client, Decoders) = (client, decoders);

    /// <summary>The decoders the message path uses.</summary>
    public RegistryDecoders Decoders { get; }

    /// <summary>The connection to the registry <paramref name="settings"/> name, checked within <paramref name="timeout"/>; null without settings.</summary>
    public static RegistryConnection? Open(SchemaRegistrySettings? settings, TimeSpan timeout, ILogger logger)
    {
        if (settings is null)
        {
            return null;
        }

        CachedSchemaRegistryClient client;
        try
        {
            client = new CachedSchemaRegistryClient(settings.ToClientConfig());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A URL or CA file the client cannot use: the user's to mend, told in one line.
            throw new UsageException($"--schema-registry {settings}: {settings.Redact(e.Message).ReplaceLineEndings(" ")}");
        }

        var connection = new RegistryConnection(client, RegistryDecoders.For(client, settings));
        connection.Check(settings, timeout, logger);
        return connection;
    }

    private void Check(SchemaRegistrySettings settings, TimeSpan timeout, ILogger logger)
    {
        try
        {
            var subjects = _client.GetAllSubjectsAsync().WaitAsync(timeout).GetAwaiter().GetResult();
            logger.LogInformation("Decoding schema-registry framed keys and values with {Registry} ({Subjects} subjects)", settings.ToString(), subjects.Count);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var reason = e is TimeoutException ? $"no answer within {Durations.Format(timeout)}" : settings.Redact(e.Message).ReplaceLineEndings(" ");
            logger.LogWarning("Cannot reach the schema registry at {Registry}: {Reason}; framed messages are reported as invalid until it answers", settings.ToString(), reason);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Decoders.Dispose();
        _client.Dispose();
    }
}
