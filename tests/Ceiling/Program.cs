// The ceiling of ./build.sh bench: the same work as our Producer's P1 and Consumer's C1 with
// nothing else, so its figures are the most any .NET program on Confluent.Kafka gets here.
//   produce <bootstrap> <topic> <count>: note events written straight to bytes (event type as key,
//     JSON value, one shared content-type header), acks=all and idempotence as ours, every
//     delivery report counted, and served where the messages are produced as ours are (no
//     background poll thread: the loop polls once a millisecond, as ours does, and while the
//     queue is full), after asking the cluster for its metadata, as ours does at start-up;
//   consume <bootstrap> <topic> <count> <partitions>: every partition assigned from the start, read
//     until count.
// It prints one line: the count and, for produce, the first delivery after the process started.
using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

var (mode, bootstrap, topic, count) = (args[0], args[1], args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
if (mode == "produce")
{
    string[] types = ["note_created", "note_updated", "note_deleted"], verbs = ["created", "updated", "deleted"];
    var headers = new Headers { { "content-type", "application/json"u8.ToArray() } };
    byte[][] keys = [.. types.Select(Encoding.UTF8.GetBytes)];
    Message<byte[], byte[]> Event(int i) => new()
    {
        Key = keys[(i - 1) % 3],
        Value = Encoding.UTF8.GetBytes($"{{\"id\":{i},\"event_type\":\"{types[(i - 1) % 3]}\",\"text\":\"Note {(i - 1) / 3 + 1} {verbs[(i - 1) % 3]}\"}}"),
        Headers = headers,
    };
    var config = new ProducerConfig
    {
        BootstrapServers = bootstrap, Acks = Acks.All, EnableIdempotence = true, LingerMs = 5,
        QueueBufferingMaxMessages = 20_000, Partitioner = Partitioner.Murmur2Random, DeliveryReportFields = "status", EnableBackgroundPoll = false,
    };
    long delivered = 0, failed = 0;
    DateTime? first = null;
    using var producer = new ProducerBuilder<byte[], byte[]>(config).Build();
    // Ours asks the cluster for its metadata before it produces (its start-up check); so does the
    // ceiling. Producing right after the build often stalls the start: librdkafka 2.16 then tries
    // to get the idempotent producer's id before it has a connection to the partitions' leader,
    // and tries again only on its retry timer. The admin client's poll loop stops within 10 ms.
    using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap, CancellationDelayMaxMs = 10 }).Build())
    {
        _ = admin.GetMetadata(TimeSpan.FromSeconds(10));
    }

    Action<DeliveryReport<byte[], byte[]>> report = r =>
    {
        first ??= DateTime.UtcNow;
        _ = r.Error.IsError ? Interlocked.Increment(ref failed) : Interlocked.Increment(ref delivered);
    };
    var pollGap = Stopwatch.Frequency / 1000;
    var lastPoll = 0L;
    for (var i = 1; i <= count; i++)
    {
        var message = Event(i);
        while (true)
        {
            try
            {
                producer.Produce(topic, message, report);
                if (Stopwatch.GetTimestamp() - lastPoll >= pollGap)
                {
                    lastPoll = Stopwatch.GetTimestamp();
                    producer.Poll(TimeSpan.Zero);
                }

                break;
            }
            catch (ProduceException<byte[], byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(50));
            }
        }
    }

    producer.Flush(TimeSpan.FromMinutes(1));
    Console.WriteLine($"delivered {delivered}, failed {failed}; first delivery {(first!.Value - started).TotalSeconds:F3} s after the process started");
    return failed == 0 && delivered == count ? 0 : 1;
}

var consumerConfig = new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "ceiling", EnableAutoCommit = false, FetchQueueBackoffMs = 100 };
using var consumer = new ConsumerBuilder<byte[], byte[]>(consumerConfig).Build();
// Partitions 0..n-1 from the start. Only for speed: one partition's watermarks first make the
// client learn the topic's leaders, so the assigned partitions fetch at once rather than after
// librdkafka's wait for leaders it does not know yet; it could go if assigning looked them up.
// No admin client: its disposal waits for its own background thread.
var partitionCount = int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture);
_ = consumer.QueryWatermarkOffsets(new TopicPartition(topic, 0), TimeSpan.FromSeconds(10));
consumer.Assign(Enumerable.Range(0, partitionCount).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));

var read = 0;
while (read < count)
{
    if (consumer.Consume(TimeSpan.FromSeconds(10)) is not { } result)
    {
        Console.Error.WriteLine($"nothing more after {read} of {count} messages");
        return 1;
    }

    read += result.Message is null ? 0 : 1;
}

Console.WriteLine($"consumed {read}");
return 0;
