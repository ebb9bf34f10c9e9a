using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Networks;

namespace KafkaDemo.BrokerTests.Brokers;

/// <summary>
/// Confluent Schema Registry in a container on the Kafka container's network, storing its schemas
/// in that Kafka (the <c>_schemas</c> topic), as a registry does in production. Started on first
/// use: most broker tests never need it, and its image is large. Only machines with Docker (GitHub's
/// runners in the real-Kafka job, users' machines) start it; here the tests use the in-process one.
/// </summary>
internal sealed class RegistryContainer(INetwork network, string kafkaListener, string image) : IAsyncDisposable
{
    /// <summary>The registry image, kept to the one docker-compose.yml runs; <c>SCHEMA_REGISTRY_TEST_IMAGE</c> picks another.</summary>
    public const string DefaultImage = "confluentinc/cp-schema-registry:7.9.1";

    private const ushort Port = 8081;
    private readonly SemaphoreSlim _starting = new(1, 1);
    private IContainer? _container;
    private string? _url;

    /// <summary>The registry's address as seen from the tests, starting the container the first time.</summary>
    public async Task<string> UrlAsync()
    {
        await _starting.WaitAsync();
        try
        {
            if (_url is null)
            {
                _container = new ContainerBuilder(image)
                    .WithNetwork(network)
                    .WithPortBinding(Port, assignRandomHostPort: true)
                    .WithEnvironment("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                    .WithEnvironment("SCHEMA_REGISTRY_LISTENERS", $"http://0.0.0.0:{Port}")
                    .WithEnvironment("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", $"PLAINTEXT://{kafkaListener}")
                    .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request.ForPort(Port).ForPath("/subjects")))
                    .Build();
                await _container.StartAsync();
                _url = $"http://{_container.Hostname}:{_container.GetMappedPublicPort(Port)}";
            }

            return _url;
        }
        finally
        {
            _starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }

        _starting.Dispose();
    }
}
