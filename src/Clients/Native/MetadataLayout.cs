using System.Runtime.InteropServices;

namespace KafkaDemo.Clients.Native;

/// <summary>
/// librdkafka's metadata structs as rdkafka.h declares them (rd_kafka_metadata_t and the broker,
/// topic and partition structs it points to), field for field, so that the C compiler's layout
/// and ours agree; pointers are <see cref="IntPtr"/>.
/// </summary>
internal static class MetadataLayout
{
    [StructLayout(LayoutKind.Sequential)]
    internal struct Cluster
    {
        public int BrokerCount;
        public IntPtr Brokers;
        public int TopicCount;
        public IntPtr Topics;
        public int OriginatingBrokerId;
        public IntPtr OriginatingBrokerName;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct Broker
    {
        public int Id;
        public IntPtr Host;
        public int Port;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct Topic
    {
        public IntPtr Name;
        public int PartitionCount;
        public IntPtr Partitions;
        public int Error;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct Partition
    {
        public int Id;
        public int Error;
        public int Leader;
        public int ReplicaCount;
        public IntPtr Replicas;
        public int InSyncReplicaCount;
        public IntPtr InSyncReplicas;
    }
}
