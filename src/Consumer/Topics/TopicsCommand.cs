using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Clients.Native;

namespace KafkaDemo.Consumer.Topics;

/// <summary><c>consumer topics</c>: lists the brokers and the topics with their partitions and watermarks, then exits.</summary>
public static class TopicsCommand
{
    /// <summary>
    /// Reads and prints the listing; <paramref name="topics"/> null means every topic. Exit 1 with
    /// one line on stderr when the cluster cannot be reached or a topic asked for does not exist.
    /// </summary>
    public static int Run(ConsumerOptions options, IReadOnlyList<string>? topics, bool includeInternal, ListingFormat format, TextWriter stdout, TextWriter stderr)
    {
        LoadedLibrary.LoadInBackground();
        ClusterListing listing;
        var config = ConsumerConfigFactory.Create(options);
        try
        {
            listing = ClusterListingReader.Read(config, topics, includeInternal, options.ConnectTimeout);
        }
        catch (KafkaException ex)
        {
            stderr.WriteLine($"error: cannot list the cluster at {config.BootstrapServers}: {ex.Error.Reason}");
            return ExitCodes.Failure;
        }

        if (format == ListingFormat.Json)
        {
            stdout.WriteLine(ClusterListingJson.Write(listing));
        }
        else
        {
            foreach (var line in ClusterListingText.Render(listing))
            {
                stdout.WriteLine(line);
            }
        }

        return ExitCodes.Success;
    }
}
