using Confluent.Kafka;
using Confluent.Kafka.Admin;
using KafkaDemo.Cli;
using KafkaDemo.Clients;
using KafkaDemo.Clients.Native;

namespace KafkaDemo.Consumer.Reset;

/// <summary>
/// <c>consumer reset-offsets --to …</c>: prints the plan (partition, current, new) for every
/// partition of the <c>--topic</c>s and, with <c>--execute</c>, commits it for the group, which
/// must have no active members.
/// </summary>
public static class ResetOffsetsCommand
{
    private static readonly TimeSpan s_describeWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_joinWait = TimeSpan.FromSeconds(30);

    /// <summary>Plans, and applies when <paramref name="execute"/>; exit 1 with one line on stderr when it cannot.</summary>
    public static int Run(ConsumerOptions options, ResetTarget target, bool execute, TextWriter stdout, TextWriter stderr)
    {
        LoadedLibrary.LoadInBackground();
        var timeout = options.ConnectTimeout;
        using var consumer = QuietClient.Consumer(ConsumerConfigFactory.Create(options));
        IReadOnlyList<ResetRow> rows;
        try
        {
            var metadata = ClusterMetadata.Fetch(consumer.Handle, timeout);
            if (ClusterMetadata.Missing(metadata, options.Topics) is [var missing, ..])
            {
                stderr.WriteLine($"error: topic {missing} does not exist");
                return ExitCodes.Failure;
            }

            var partitions = options.Topics.SelectMany(topic => ClusterMetadata.Partitions(metadata, topic)).ToList();
            rows = ResetPlan.For(target, States(consumer, partitions, target, timeout));
            if (execute)
            {
                if (!MayReset(consumer.Handle, options.GroupId, stderr))
                {
                    return ExitCodes.Failure;
                }

                Apply(options, [.. rows.Where(r => r.New is not null).Select(r => new TopicPartitionOffset(r.Partition, r.New!.Value))]);
            }
        }
        catch (KafkaException ex)
        {
            stderr.WriteLine($"error: cannot reset the offsets of group {options.GroupId}: {ex.Error.Reason}");
            return ExitCodes.Failure;
        }

        foreach (var line in ResetPlan.Render(options.GroupId, rows, execute))
        {
            stdout.WriteLine(line);
        }

        return ExitCodes.Success;
    }

    // Commits as a member of the group: Kafka takes a commit from outside an empty group, but the
    // embedded broker answers "unknown member", and joining works on both. It joins, waits until it
    // holds every partition, commits, and leaves. It never stores offsets of what it fetched meanwhile.
    private static void Apply(ConsumerOptions options, List<TopicPartitionOffset> offsets)
    {
        var config = ConsumerConfigFactory.Create(options);
        config.EnableAutoCommit = false;
        // A short session makes the embedded broker rebalance a group that had members in seconds, not after a default session.
        if (!options.ClientSettings.ContainsKey("session.timeout.ms"))
        {
            config.SessionTimeoutMs = 6000;
        }

        var wanted = offsets.Select(o => o.TopicPartition).ToHashSet();
        var held = new HashSet<TopicPartition>();
        using var member = new ConsumerBuilder<Ignore, Ignore>(config)
            .SetLogHandler((_, _) => { })
            .SetPartitionsAssignedHandler((_, partitions) => held.UnionWith(partitions))
            .SetPartitionsRevokedHandler((_, partitions) => held.ExceptWith(partitions.Select(p => p.TopicPartition)))
            .Build();
        member.Subscribe(options.Topics);
        var deadline = DateTime.UtcNow + s_joinWait;
        while (!held.IsSupersetOf(wanted))
        {
            if (DateTime.UtcNow > deadline)
            {
                member.Close();
                throw new KafkaException(new Error(ErrorCode.Local_TimedOut, $"could not take every partition within {Durations.Format(s_joinWait)}: another member may hold some"));
            }

            member.Consume(TimeSpan.FromMilliseconds(100));
        }

        member.Commit(offsets);
        member.Close();
    }

    private static IEnumerable<PartitionState> States(IConsumer<Ignore, Ignore> consumer, List<TopicPartition> partitions, ResetTarget target, TimeSpan timeout)
    {
        var committed = consumer.Committed(partitions, timeout).ToDictionary(c => c.TopicPartition, c => c.Offset);
        // A broker that cannot look offsets up by time (the embedded one) answers -1: no such message.
        var atTime = target.Kind == ResetKind.Time
            ? consumer.OffsetsForTimes(partitions.Select(p => new TopicPartitionTimestamp(p, new Timestamp(target.Time!.Value))), timeout)
                .ToDictionary(o => o.TopicPartition, o => o.Offset)
            : [];
        return partitions.Select(p =>
        {
            var marks = consumer.QueryWatermarkOffsets(p, timeout);
            var current = committed.GetValueOrDefault(p, Offset.Unset);
            var found = atTime.GetValueOrDefault(p, Offset.Unset);
            return new PartitionState(p, current.IsSpecial ? null : current.Value, marks.Low.Value, marks.High.Value, found.IsSpecial ? null : found.Value);
        }).ToList();
    }

    // Kafka refuses to change a group's offsets under its active members; say so before trying.
    // A broker that cannot describe groups (the embedded one) cannot say: warn and go on.
    private static bool MayReset(Handle handle, string groupId, TextWriter stderr)
    {
        try
        {
            using var admin = new DependentAdminClientBuilder(handle).Build();
            var described = admin.DescribeConsumerGroupsAsync([groupId], new DescribeConsumerGroupsOptions { RequestTimeout = s_describeWait })
                .WaitAsync(s_describeWait + TimeSpan.FromSeconds(1)).GetAwaiter().GetResult();
            var members = described.ConsumerGroupDescriptions.Single().Members.Count;
            if (members > 0)
            {
                stderr.WriteLine($"error: group {groupId} has {members} active member(s); stop them before resetting its offsets");
                return false;
            }

            return true;
        }
        catch (Exception ex) when (ex is KafkaException or TimeoutException)
        {
            var reason = ex is KafkaException kafka ? kafka.Error.Reason : "no answer in time";
            stderr.WriteLine($"warning: cannot tell whether group {groupId} has active members ({reason}); resetting anyway");
            return true;
        }
    }
}
