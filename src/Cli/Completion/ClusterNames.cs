using System.CommandLine;
using System.CommandLine.Completions;
using Confluent.Kafka;
using KafkaDemo.Clients;
using KafkaDemo.Clients.Native;

namespace KafkaDemo.Cli.Completion;

/// <summary>
/// Topic names (for <c>--topic</c>) and consumer group names (for <c>--group-id</c>) asked of the
/// cluster while a shell completes, through the connection typed so far: <c>--bootstrap-servers</c>
/// (or <c>KAFKA_BOOTSTRAP_SERVERS</c>), <c>--config</c>, <c>KAFKA_X_*</c> and <c>-X</c>, merged as
/// a run merges them. A cluster that does not answer within <see cref="Timeout"/>, or answers with
/// an error, completes nothing and says nothing: a TAB must never print into the command line.
/// </summary>
public static class ClusterNames
{
    /// <summary>
    /// How long a TAB may wait for the cluster: long enough for a remote cluster's first
    /// connection and answer, short enough that a TAB against a wrong address only stalls briefly.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1.5);

    /// <summary>Adds the completion sources to every <c>--topic</c> and <c>--group-id</c> under <paramref name="root"/>, if it talks to a cluster.</summary>
    public static void AddTo(RootCommand root)
    {
        var connection = new TypedConnection(root);
        if (!connection.AsksCluster)
        {
            return;
        }

        foreach (var option in OptionsUnder(root).Distinct())
        {
            if (option.Name == "--topic")
            {
                option.CompletionSources.Add(context => Offer(context, connection, Topics));
            }
            else if (option.Name == "--group-id")
            {
                option.CompletionSources.Add(context => Offer(context, connection, Groups));
            }
        }
    }

    private static IEnumerable<Option> OptionsUnder(Command command) =>
        command.Options.Concat(command.Subcommands.SelectMany(OptionsUnder));

    private static IEnumerable<CompletionItem> Offer(
        CompletionContext context, TypedConnection connection, Func<ClientConfig, IEnumerable<string>> names)
    {
        try
        {
            LoadedLibrary.LoadInBackground();
            var config = new ClientConfig(connection.Settings(context.ParseResult));
            return names(config)
                .Where(name => name.StartsWith(context.WordToComplete, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(name => new CompletionItem(name))
                .ToList();
        }
        catch (Exception ex) when (ex is KafkaException or ArgumentException or IOException or InvalidOperationException
                                       or UnauthorizedAccessException or UsageException or AggregateException)
        {
            return [];
        }
    }

    // Internal topics (__consumer_offsets, __transaction_state) are nobody's to read or write.
    private static IEnumerable<string> Topics(ClientConfig config) =>
        ClusterMetadata.Fetch(config, Timeout).Topics
            .Where(topic => !topic.Error.IsError && !topic.Topic.StartsWith("__", StringComparison.Ordinal))
            .Select(topic => topic.Topic);

    // The synchronous listing, bounded by its own timeout: the asynchronous one leaves a request in
    // flight when the wait gives up, and disposing the client under it crashed the process.
    private static IEnumerable<string> Groups(ClientConfig config)
    {
        using var admin = new AdminClientBuilder(ClusterMetadata.QuestionSettings(config))
            .SetLogHandler((_, _) => { }).SetErrorHandler((_, _) => { }).Build();
        return admin.ListGroups(Timeout).Select(group => group.Group).ToList();
    }
}
