using System.Text;

namespace KafkaDemo.Clients.Native;

/// <summary>
/// A librdkafka client handle with no Confluent.Kafka object around it. Such a handle closes in a
/// millisecond or two; Confluent.Kafka's clients do not when they carry a background poll loop
/// (an admin client's waits for its current 100 ms turn). The handle logs nothing below
/// <c>log_level</c>: the caller's own error says what went wrong, once.
/// </summary>
public sealed class BareClient : IDisposable
{
    private IntPtr _handle;

    private BareClient(IntPtr handle) => _handle = handle;

    /// <summary>The native rd_kafka_t pointer, valid until <see cref="Dispose"/>.</summary>
    public IntPtr Handle => _handle != IntPtr.Zero ? _handle : throw new ObjectDisposedException(nameof(BareClient));

    /// <summary>
    /// A producer-type handle configured with <paramref name="settings"/> in order; throws
    /// <see cref="ArgumentException"/> with librdkafka's reason for a setting it refuses (the
    /// reason can quote the value: redact it before showing it).
    /// </summary>
    public static BareClient Create(IEnumerable<KeyValuePair<string, string>> settings)
    {
        _ = LoadedLibrary.Handle;
        var conf = RdKafka.rd_kafka_conf_new();
        var errors = new byte[512];
        foreach (var (name, value) in settings)
        {
            if (RdKafka.rd_kafka_conf_set(conf, name, value, errors, (UIntPtr)errors.Length) != RdKafka.ConfOk)
            {
                RdKafka.rd_kafka_conf_destroy(conf);
                throw new ArgumentException(Text(errors));
            }
        }

        // On success rd_kafka_new owns the configuration; on failure it is still ours.
        var handle = RdKafka.rd_kafka_new(RdKafka.ProducerType, conf, errors, (UIntPtr)errors.Length);
        if (handle == IntPtr.Zero)
        {
            RdKafka.rd_kafka_conf_destroy(conf);
            throw new ArgumentException($"could not create a librdkafka handle: {Text(errors)}");
        }

        return new BareClient(handle);
    }

    /// <summary>Destroys the handle, closing its connections.</summary>
    public void Dispose()
    {
        var handle = Interlocked.Exchange(ref _handle, IntPtr.Zero);
        if (handle != IntPtr.Zero)
        {
            RdKafka.rd_kafka_destroy(handle);
        }
    }

    private static string Text(byte[] buffer)
    {
        var end = Array.IndexOf(buffer, (byte)0);
        return Encoding.UTF8.GetString(buffer, 0, end < 0 ? buffer.Length : end);
    }
}
