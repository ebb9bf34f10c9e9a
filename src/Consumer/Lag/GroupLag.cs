using System.Globalization;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using KafkaDemo.Cli;
using KafkaDemo.Clients;

namespace KafkaDemo.Consumer.Lag;

/// <summary>
/// The lag of a consumer group, per partition, like <c>kafka-consumer-groups --describe</c>:
/// committed offset, log-end offset, and their difference.
/// </summary>
public static class GroupLag
{
    private static readonly TimeSpan s_answerMargin = TimeSpan.FromSeconds(1);

    /// <summary>Reads committed and log-end offsets of every partition of <paramref name="topics"/>.</summary>
    public static IReadOnlyList<PartitionLag> Measure(ConsumerConfig config, IReadOnlyList<string> topics, TimeSpan timeout)
    {
        // The metadata comes from a bare handle: through this consumer it would cost an admin
        // client, and its disposal waits up to 100 ms more.
        var metadata = ClusterMetadata.Fetch(config, timeout);
        using var consumer = QuietClient.Consumer(config);
        return Measure(consumer, metadata, topics, timeout);
    }

    /// <summary>
    /// The same for every topic <paramref name="groupId"/> has committed offsets for, as its
    /// coordinator lists them (an OffsetFetch for all topics), asked through the same client; no
    /// rows when it lists none. A coordinator that cannot list them throws <see cref="GroupTopicsUnknownException"/>.
    /// </summary>
    public static IReadOnlyList<PartitionLag> MeasureCommittedTopics(ConsumerConfig config, string groupId, TimeSpan timeout)
    {
        using var consumer = QuietClient.Consumer(config);
        return Measure(consumer, groupId, topics: null, timeout);
    }

    /// <summary>
    /// The same through a client the caller keeps, as a watch that measures again and again does:
    /// for <paramref name="topics"/>, or with none for the topics <paramref name="groupId"/> has
    /// committed offsets for.
    /// </summary>
    public static IReadOnlyList<PartitionLag> Measure(IConsumer<Ignore, Ignore> consumer, string groupId, IReadOnlyList<string>? topics, TimeSpan timeout)
    {
        var metadata = ClusterMetadata.Fetch(consumer.Handle, timeout);
        return Measure(consumer, metadata, topics ?? CommittedTopics(consumer.Handle, groupId, timeout), timeout);
    }

    // In name order.
    private static IReadOnlyList<string> CommittedTopics(Handle handle, string groupId, TimeSpan timeout)
    {
        using var admin = new DependentAdminClientBuilder(handle).Build();
        try
        {
            var listed = admin.ListConsumerGroupOffsetsAsync([new ConsumerGroupTopicPartitions(groupId, null)], new ListConsumerGroupOffsetsOptions { RequestTimeout = timeout })
                .WaitAsync(timeout + s_answerMargin).GetAwaiter().GetResult();
            return [.. listed.Single().Partitions.Where(p => !p.Offset.IsSpecial).Select(p => p.Topic).Distinct().Order(StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is KafkaException or TimeoutException)
        {
            throw new GroupTopicsUnknownException(ex is KafkaException kafka ? kafka.Error.Reason : "no answer in time", ex);
        }
    }

    private static IReadOnlyList<PartitionLag> Measure(IConsumer<Ignore, Ignore> consumer, Metadata metadata, IReadOnlyList<string> topics, TimeSpan timeout)
    {
        if (ClusterMetadata.Missing(metadata, topics) is [var missing, ..])
        {
            throw new KafkaException(new Error(ErrorCode.UnknownTopicOrPart, $"topic {missing} does not exist"));
        }

        var partitions = topics.SelectMany(topic => ClusterMetadata.Partitions(metadata, topic)).ToList();

        var committed = consumer.Committed(partitions, timeout).ToDictionary(c => c.TopicPartition, c => c.Offset);
        return [.. partitions.Select(p =>
        {
            var offset = committed.GetValueOrDefault(p, Offset.Unset);
            var end = consumer.QueryWatermarkOffsets(p, timeout).High;
            return new PartitionLag(p.Topic, p.Partition.Value, offset.IsSpecial ? null : offset.Value, end.Value);
        })];
    }

    /// <summary>The rows as an aligned table with a total.</summary>
    public static IReadOnlyList<string> Render(string groupId, IReadOnlyList<PartitionLag> rows)
    {
        string[] header = ["TOPIC", "PARTITION", "COMMITTED", "LOG-END", "LAG"];
        var cells = rows.Select(r => new[]
        {
            r.Topic,
            r.Partition.ToString(CultureInfo.InvariantCulture),
            r.Committed?.ToString(CultureInfo.InvariantCulture) ?? "-",
            r.LogEnd.ToString(CultureInfo.InvariantCulture),
            r.Lag?.ToString(CultureInfo.InvariantCulture) ?? "-",
        });

        var lines = new List<string> { $"Group {groupId}" };
        lines.AddRange(TextTable.Render(header, cells));
        lines.Add(TotalLine(rows));
        return lines;
    }

    /// <summary>The lag of every row together, and how many rows have none.</summary>
    public static string TotalLine(IReadOnlyList<PartitionLag> rows)
    {
        var known = rows.Where(r => r.Lag is not null).ToList();
        return known.Count == 0
            ? "Total lag: unknown (the group has committed no offsets for these partitions)"
            : $"Total lag: {known.Sum(r => r.Lag!.Value)}{(known.Count < rows.Count ? $" ({Partitions(rows.Count - known.Count)} without a committed offset)" : string.Empty)}";
    }

    private static string Partitions(int count) => count == 1 ? "1 partition" : $"{count} partitions";
}
