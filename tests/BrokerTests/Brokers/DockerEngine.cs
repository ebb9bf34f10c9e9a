using DotNet.Testcontainers.Configurations;

namespace KafkaDemo.BrokerTests.Brokers;

/// <summary>Whether a Docker engine answers, as Testcontainers finds one (DOCKER_HOST, the socket, …).</summary>
public static class DockerEngine
{
    /// <summary>
    /// True when Testcontainers found an endpoint that answered its ping; its discovery is the
    /// one that would start the container, so the two cannot disagree.
    /// </summary>
    public static bool Answers()
    {
        try
        {
            return TestcontainersSettings.OS.DockerEndpointAuthConfig is not null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Discovery itself failing (a malformed DOCKER_HOST, say) means no engine to use.
            Console.Error.WriteLine($"BrokerTests: Docker discovery failed: {e.Message}");
            return false;
        }
    }
}
