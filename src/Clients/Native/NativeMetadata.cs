using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace KafkaDemo.Clients.Native;

/// <summary>
/// A metadata request (every topic) on a <see cref="BareClient"/>, answered as Confluent.Kafka's
/// own <see cref="Metadata"/> type so that callers cannot tell it from the admin client's answer.
/// </summary>
internal static class NativeMetadata
{
    /// <summary>Asks the cluster; throws <see cref="KafkaException"/> when no broker answers within <paramref name="timeout"/>.</summary>
    public static Metadata Fetch(BareClient client, TimeSpan timeout)
    {
        var err = RdKafka.rd_kafka_metadata(client.Handle, allTopics: 1, IntPtr.Zero, out var pointer, (int)Math.Clamp(timeout.TotalMilliseconds, 0, int.MaxValue));
        if (err != 0)
        {
            throw new KafkaException(new Error((ErrorCode)err, RdKafka.ErrorText(err)));
        }

        try
        {
            return Read(pointer);
        }
        finally
        {
            RdKafka.rd_kafka_metadata_destroy(pointer);
        }
    }

    private static Metadata Read(IntPtr pointer)
    {
        var cluster = Marshal.PtrToStructure<MetadataLayout.Cluster>(pointer);
        var brokers = Items<MetadataLayout.Broker>(cluster.Brokers, cluster.BrokerCount)
            .Select(b => new BrokerMetadata(b.Id, Text(b.Host), b.Port))
            .ToList();
        var topics = Items<MetadataLayout.Topic>(cluster.Topics, cluster.TopicCount)
            .Select(t => new TopicMetadata(
                Text(t.Name),
                [.. Items<MetadataLayout.Partition>(t.Partitions, t.PartitionCount).Select(p => new PartitionMetadata(
                    p.Id, p.Leader, Ids(p.Replicas, p.ReplicaCount), Ids(p.InSyncReplicas, p.InSyncReplicaCount), new Error((ErrorCode)p.Error)))],
                new Error((ErrorCode)t.Error)))
            .ToList();
        return new Metadata(brokers, topics, cluster.OriginatingBrokerId, Text(cluster.OriginatingBrokerName));
    }

    private static IEnumerable<T> Items<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.NonPublicConstructors)] T>(IntPtr first, int count)
        where T : struct
    {
        var size = Marshal.SizeOf<T>();
        for (var i = 0; i < count; i++)
        {
            yield return Marshal.PtrToStructure<T>(first + (i * size));
        }
    }

    private static int[] Ids(IntPtr first, int count)
    {
        var ids = new int[count];
        if (count > 0)
        {
            Marshal.Copy(first, ids, 0, count);
        }

        return ids;
    }

    private static string Text(IntPtr utf8) => Marshal.PtrToStringUTF8(utf8) ?? string.Empty;
}
