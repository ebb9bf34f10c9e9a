using System.Runtime.InteropServices;

namespace KafkaDemo.Clients.Native;

/// <summary>
/// The few calls of librdkafka's C API that both programs and the embedded broker make themselves,
/// because Confluent.Kafka does not expose them in a usable way: a bare client handle, and a
/// metadata request on it (Confluent.Kafka only answers metadata through an admin client, whose
/// disposal waits up to 100 ms; see <see cref="BareClient"/>). Every call binds to the native
/// library Confluent.Kafka itself loaded (<see cref="LoadedLibrary"/>), never to a second copy.
/// </summary>
public static partial class RdKafka
{
    private const string Library = LoadedLibrary.ImportName;

    static RdKafka() => LoadedLibrary.BindImports(typeof(RdKafka).Assembly);

    /// <summary>rd_kafka_type_t RD_KAFKA_PRODUCER: the cheapest handle type, enough to ask questions or host a mock cluster.</summary>
    public const int ProducerType = 0;

    /// <summary>rd_kafka_conf_res_t RD_KAFKA_CONF_OK.</summary>
    public const int ConfOk = 0;

    [LibraryImport(Library)]
    public static partial IntPtr rd_kafka_conf_new();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int rd_kafka_conf_set(IntPtr conf, string name, string value, byte[] errstr, UIntPtr errstrSize);

    [LibraryImport(Library)]
    public static partial void rd_kafka_conf_destroy(IntPtr conf);

    [LibraryImport(Library)]
    public static partial IntPtr rd_kafka_new(int type, IntPtr conf, byte[] errstr, UIntPtr errstrSize);

    [LibraryImport(Library)]
    public static partial void rd_kafka_destroy(IntPtr rk);

    [LibraryImport(Library)]
    public static partial IntPtr rd_kafka_err2str(int err);

    [LibraryImport(Library)]
    public static partial IntPtr rd_kafka_version_str();

    /// <summary>rd_kafka_metadata: all topics when <paramref name="allTopics"/> is 1; <paramref name="metadata"/> is freed with <see cref="rd_kafka_metadata_destroy"/>.</summary>
    [LibraryImport(Library)]
    public static partial int rd_kafka_metadata(IntPtr rk, int allTopics, IntPtr onlyTopic, out IntPtr metadata, int timeoutMs);

    [LibraryImport(Library)]
    public static partial void rd_kafka_metadata_destroy(IntPtr metadata);

    /// <summary>librdkafka's text for error code <paramref name="err"/>.</summary>
    public static string ErrorText(int err) => Marshal.PtrToStringUTF8(rd_kafka_err2str(err)) ?? $"error {err}";

    /// <summary>The version of the loaded librdkafka, for example <c>2.16.0</c>.</summary>
    public static string VersionText() => Marshal.PtrToStringUTF8(rd_kafka_version_str()) ?? "unknown";
}
