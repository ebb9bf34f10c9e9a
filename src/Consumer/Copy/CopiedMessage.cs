using System.Globalization;
using System.Text;
using Confluent.Kafka;
using KafkaDemo.Consumer.DeadLetters;

namespace KafkaDemo.Consumer.Copy;

/// <summary>
/// What a copy writes for one consumed message: its key, value and headers as they are, its
/// timestamp and partition when asked, and, for a redrive, the topic (and partition) the dead-letter
/// headers name. Pure: no client, no I/O.
/// </summary>
public static class CopiedMessage
{
    private static readonly string[] s_deadLetterHeaders =
        [DeadLetterQueue.ErrorHeader, DeadLetterQueue.TopicHeader, DeadLetterQueue.PartitionHeader, DeadLetterQueue.OffsetHeader];

    /// <summary>
    /// Builds the copy of <paramref name="source"/>; false, with <paramref name="error"/> saying why,
    /// when a redrive cannot tell where the message came from.
    /// </summary>
    public static bool TryCreate(ConsumeResult<byte[], byte[]> source, CopyOptions copy,
        out TopicPartition destination, out Message<byte[], byte[]> message, out string error)
    {
        (destination, message, error) = (null!, null!, string.Empty);
        var partition = copy.KeepPartitions ? source.Partition : Partition.Any;
        var topic = copy.ToTopic;
        if (copy.Redrive)
        {
            topic = Last(source.Message.Headers, DeadLetterQueue.TopicHeader);
            if (string.IsNullOrEmpty(topic))
            {
                error = $"it has no {DeadLetterQueue.TopicHeader} header, so a redrive cannot tell where it came from";
                return false;
            }

            if (copy.KeepPartitions)
            {
                if (!int.TryParse(Last(source.Message.Headers, DeadLetterQueue.PartitionHeader), NumberStyles.None, CultureInfo.InvariantCulture, out var original))
                {
                    error = $"it has no {DeadLetterQueue.PartitionHeader} header holding a partition number, which --keep-partitions needs";
                    return false;
                }

                partition = new Partition(original);
            }
        }

        var headers = new Headers();
        foreach (var header in source.Message.Headers ?? [])
        {
            if (!copy.StripDeadLetterHeaders || !s_deadLetterHeaders.Contains(header.Key, StringComparer.Ordinal))
            {
                headers.Add(header.Key, header.GetValueBytes());
            }
        }

        destination = new TopicPartition(topic!, partition);
        message = new Message<byte[], byte[]>
        {
            Key = source.Message.Key,
            Value = source.Message.Value,
            Headers = headers,
            Timestamp = copy.KeepTimestamps ? new Timestamp(source.Message.Timestamp.UnixTimestampMs, TimestampType.CreateTime) : Timestamp.Default,
        };
        return true;
    }

    // A message dead-lettered twice carries two sets of headers; the last set is the latest hop.
    private static string? Last(Headers? headers, string name) =>
        headers is not null && headers.TryGetLastBytes(name, out var bytes) && bytes is not null ? Encoding.UTF8.GetString(bytes) : null;
}
