using Confluent.SchemaRegistry;
using KafkaDemo.Clients;

namespace KafkaDemo.Consumer.SchemaRegistry;

/// <summary>
/// The registry a run decodes with: one <see cref="RegistryDecoder"/> per consumer thread (their
/// Avro readers are not shared) over one schema cache, and the settings whose secrets are taken
/// out of every error the registry client writes.
/// </summary>
internal sealed class RegistryDecoders(RegistrySchemaCache schemas, SchemaRegistrySettings settings) : IDisposable
{
    // A registry that did not answer is asked again after this long, not for every message.
    private static readonly TimeSpan s_retryAfter = TimeSpan.FromSeconds(10);

    private readonly ThreadLocal<RegistryDecoder> _decoders = new(() => new RegistryDecoder(schemas));

    /// <summary>The settings the registry was named with.</summary>
    public SchemaRegistrySettings Settings => settings;

    /// <summary>The decoders for the registry <paramref name="client"/> reaches.</summary>
    public static RegistryDecoders For(ISchemaRegistryClient client, SchemaRegistrySettings settings) =>
        new(new RegistrySchemaCache(client, TimeProvider.System, s_retryAfter), settings);

    /// <summary>Decodes as <see cref="RegistryDecoder.Decode"/>, with the calling thread's decoder; the error has no secret in it.</summary>
    public RegistryDecodeResult Decode(string topic, bool isKey, byte[]? data, byte[]? schemaIdHeader)
    {
        var result = _decoders.Value!.Decode(topic, isKey, data, schemaIdHeader);
        return result.Error is { } error ? result with { Error = settings.Redact(error) } : result;
    }

    /// <inheritdoc />
    public void Dispose() => _decoders.Dispose();
}
