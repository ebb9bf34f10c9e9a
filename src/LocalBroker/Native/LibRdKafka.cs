using System.Runtime.InteropServices;

namespace KafkaDemo.LocalBroker.Native;

/// <summary>
/// The parts of librdkafka's C API that Confluent.Kafka does not expose: creating a bare client
/// handle and driving the mock cluster (declared in librdkafka's src/rdkafka_mock.h). The library
/// is the one Confluent.Kafka loads, found through the app's runtimes/&lt;rid&gt;/native folder.
/// </summary>
internal static class LibRdKafka
{
    private const string Library = "librdkafka";

    static LibRdKafka() => NativeLibrary.SetDllImportResolver(typeof(LibRdKafka).Assembly, Resolve);

    /// <summary>rd_kafka_type_t RD_KAFKA_PRODUCER: the cheapest handle type to host a cluster.</summary>
    public const int ProducerType = 0;

    public const int ConfOk = 0;

    [DllImport(Library)]
    public static extern IntPtr rd_kafka_conf_new();

    [DllImport(Library)]
    public static extern int rd_kafka_conf_set(
        IntPtr conf,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string value,
        byte[] errstr,
        UIntPtr errstrSize);

    [DllImport(Library)]
    public static extern void rd_kafka_conf_destroy(IntPtr conf);

    [DllImport(Library)]
    public static extern IntPtr rd_kafka_new(int type, IntPtr conf, byte[] errstr, UIntPtr errstrSize);

    [DllImport(Library)]
    public static extern void rd_kafka_destroy(IntPtr rk);

    [DllImport(Library)]
    public static extern IntPtr rd_kafka_err2str(int err);

    [DllImport(Library)]
    public static extern IntPtr rd_kafka_version_str();

    [DllImport(Library)]
    public static extern IntPtr rd_kafka_mock_cluster_new(IntPtr rk, int brokerCount);

    [DllImport(Library)]
    public static extern void rd_kafka_mock_cluster_destroy(IntPtr mcluster);

    [DllImport(Library)]
    public static extern IntPtr rd_kafka_mock_cluster_bootstraps(IntPtr mcluster);

    [DllImport(Library)]
    public static extern int rd_kafka_mock_topic_create(
        IntPtr mcluster, [MarshalAs(UnmanagedType.LPUTF8Str)] string topic, int partitionCount, int replicationFactor);

    [DllImport(Library)]
    public static extern int rd_kafka_mock_broker_set_down(IntPtr mcluster, int brokerId);

    [DllImport(Library)]
    public static extern int rd_kafka_mock_broker_set_up(IntPtr mcluster, int brokerId);

    [DllImport(Library)]
    public static extern int rd_kafka_mock_broker_set_rtt(IntPtr mcluster, int brokerId, int rttMs);

    [DllImport(Library)]
    public static extern void rd_kafka_mock_push_request_errors_array(
        IntPtr mcluster, short apiKey, UIntPtr count, int[] errors);

    [DllImport(Library)]
    public static extern void rd_kafka_mock_clear_request_errors(IntPtr mcluster, short apiKey);

    [DllImport(Library)]
    public static extern int rd_kafka_mock_partition_set_leader(
        IntPtr mcluster, [MarshalAs(UnmanagedType.LPUTF8Str)] string topic, int partition, int brokerId);

    [DllImport(Library)]
    public static extern int rd_kafka_mock_coordinator_set(
        IntPtr mcluster,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string keyType,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string key,
        int brokerId);

    [DllImport(Library)]
    public static extern void rd_kafka_mock_group_initial_rebalance_delay_ms(IntPtr mcluster, int delayMs);

    // Bind to the copy NuGet put beside the app, the one Confluent.Kafka loads too, before the
    // loader's default search could find some other librdkafka (Debian's, say, pulled in by kcat).
    private static IntPtr Resolve(string name, System.Reflection.Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }

        var fileName = OperatingSystem.IsWindows() ? "librdkafka.dll"
            : OperatingSystem.IsMacOS() ? "librdkafka.dylib"
            : "librdkafka.so";
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var candidate = Path.Combine(AppContext.BaseDirectory, "runtimes", $"{os}-{arch}", "native", fileName);
        return File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle) ? handle : IntPtr.Zero;
    }

    public static string ErrorText(int err) => Marshal.PtrToStringUTF8(rd_kafka_err2str(err)) ?? $"error {err}";

    public static string VersionText() => Marshal.PtrToStringUTF8(rd_kafka_version_str()) ?? "unknown";
}
