using System.Runtime.InteropServices;
using Confluent.Kafka;
using KafkaDemo.Clients.Native;
using KafkaDemo.LocalBroker.Native;

namespace KafkaDemo.LocalBroker;

/// <summary>
/// An in-memory Kafka cluster from librdkafka's mock broker, reachable over TCP on 127.0.0.1 by
/// any client in any process, with fault injection for tests. It is a test double, not Kafka: no
/// topic admin API, no persistence, and per-partition retention of about 100,000 messages or 5 MiB.
/// </summary>
public sealed class MockCluster : IDisposable
{
    private readonly Lock _gate = new();
    private BareClient? _client;
    private IntPtr _cluster;

    private MockCluster(BareClient client, IntPtr cluster, int brokerCount)
    {
        _client = client;
        _cluster = cluster;
        BrokerCount = brokerCount;
        BootstrapServers = Marshal.PtrToStringUTF8(LibRdKafka.rd_kafka_mock_cluster_bootstraps(cluster))
            ?? throw new InvalidOperationException("the mock cluster reported no bootstrap servers");
    }

    /// <summary>Comma-separated <c>127.0.0.1:port</c> addresses of every broker.</summary>
    public string BootstrapServers { get; }

    /// <summary>Number of brokers; their ids run from 1 to this number.</summary>
    public int BrokerCount { get; }

    /// <summary>Version of the librdkafka library hosting the cluster.</summary>
    public static string LibraryVersion
    {
        get
        {
            EnsureLibraryLoaded();
            return RdKafka.VersionText();
        }
    }

    /// <summary>
    /// The native library the cluster runs on, the one Confluent.Kafka loaded, by the name it was
    /// found under (for example <c>centos8-librdkafka</c> on Debian).
    /// </summary>
    public static string LibraryName => LoadedLibrary.Name;

    /// <summary>Initial rebalance delay used unless told otherwise.</summary>
    public static readonly TimeSpan DefaultInitialRebalanceDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Starts a cluster of <paramref name="brokerCount"/> brokers. A new consumer group waits
    /// <paramref name="initialRebalanceDelay"/> (default 1 s; Kafka's is 3 s) for more members
    /// before its first rebalance. Zero makes a lone consumer start sooner, but then members that
    /// join together can get stuck: the mock refuses the first member's SyncGroup while the next
    /// ones join, and waits a session timeout before trying again.
    /// </summary>
    public static MockCluster Start(int brokerCount, TimeSpan? initialRebalanceDelay = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerCount, 1);

        // The hosting handle never talks to the cluster; keep its own logging to real problems.
        BareClient client;
        try
        {
            client = BareClient.Create([KeyValuePair.Create("log_level", "3")]);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException(ex.Message);
        }

        var cluster = LibRdKafka.rd_kafka_mock_cluster_new(client.Handle, brokerCount);
        if (cluster == IntPtr.Zero)
        {
            client.Dispose();
            throw new InvalidOperationException("librdkafka could not start a mock cluster");
        }

        var started = new MockCluster(client, cluster, brokerCount);
        started.SetInitialRebalanceDelay(initialRebalanceDelay ?? DefaultInitialRebalanceDelay);
        return started;
    }

    /// <summary>Creates <paramref name="topic"/> with the given partitions, replicated on up to 3 brokers.</summary>
    public void CreateTopic(string topic, int partitions, int? replicationFactor = null)
    {
        var replicas = replicationFactor ?? Math.Min(3, BrokerCount);
        Check(LibRdKafka.rd_kafka_mock_topic_create(Handle, topic, partitions, replicas), $"create topic {topic}");
    }

    /// <summary>Makes broker <paramref name="brokerId"/> (or -1: all) refuse and drop connections.</summary>
    public void SetBrokerDown(int brokerId) =>
        Check(LibRdKafka.rd_kafka_mock_broker_set_down(Handle, brokerId), $"set broker {brokerId} down");

    /// <summary>Makes broker <paramref name="brokerId"/> (or -1: all) accept connections again.</summary>
    public void SetBrokerUp(int brokerId) =>
        Check(LibRdKafka.rd_kafka_mock_broker_set_up(Handle, brokerId), $"set broker {brokerId} up");

    /// <summary>Delays every response of broker <paramref name="brokerId"/> (or -1: all) by <paramref name="roundTrip"/>.</summary>
    public void SetRoundTripTime(int brokerId, TimeSpan roundTrip) =>
        Check(LibRdKafka.rd_kafka_mock_broker_set_rtt(Handle, brokerId, (int)roundTrip.TotalMilliseconds), $"set rtt on broker {brokerId}");

    /// <summary>Makes the next requests of type <paramref name="api"/> fail, one per error, in order.</summary>
    public void PushRequestErrors(KafkaApi api, params ErrorCode[] errors)
    {
        var codes = Array.ConvertAll(errors, e => (int)e);
        LibRdKafka.rd_kafka_mock_push_request_errors_array(Handle, (short)api, (UIntPtr)codes.Length, codes);
    }

    /// <summary>Drops any errors still queued for <paramref name="api"/>.</summary>
    public void ClearRequestErrors(KafkaApi api) => LibRdKafka.rd_kafka_mock_clear_request_errors(Handle, (short)api);

    /// <summary>Moves leadership of one partition to <paramref name="brokerId"/>.</summary>
    public void SetPartitionLeader(string topic, int partition, int brokerId) =>
        Check(LibRdKafka.rd_kafka_mock_partition_set_leader(Handle, topic, partition, brokerId), $"move leader of {topic}[{partition}]");

    /// <summary>Makes <paramref name="brokerId"/> the coordinator of consumer group <paramref name="groupId"/>.</summary>
    public void SetGroupCoordinator(string groupId, int brokerId) =>
        Check(LibRdKafka.rd_kafka_mock_coordinator_set(Handle, "group", groupId, brokerId), $"move coordinator of {groupId}");

    /// <summary>Sets how long a new consumer group waits for members before its first rebalance.</summary>
    public void SetInitialRebalanceDelay(TimeSpan delay) =>
        LibRdKafka.rd_kafka_mock_group_initial_rebalance_delay_ms(Handle, (int)delay.TotalMilliseconds);

    /// <summary>Stops every broker and frees the cluster; clients still connected see it go away.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_cluster != IntPtr.Zero)
            {
                LibRdKafka.rd_kafka_mock_cluster_destroy(_cluster);
                _cluster = IntPtr.Zero;
            }

            _client?.Dispose();
            _client = null;
        }
    }

    private IntPtr Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_cluster == IntPtr.Zero, this);
            return _cluster;
        }
    }

    // Binds to the librdkafka Confluent.Kafka loads; a missing native library is reported by
    // Confluent.Kafka's own exception, which lists where it looked.
    private static void EnsureLibraryLoaded() => _ = LoadedLibrary.Handle;

    private static void Check(int error, string action)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"mock cluster could not {action}: {RdKafka.ErrorText(error)}");
        }
    }
}
