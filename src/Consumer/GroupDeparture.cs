using System.Diagnostics;
using Confluent.Kafka;

namespace KafkaDemo.Consumer;

/// <summary>
/// How an instance gives up its partitions and closes. Close() leaves the group at once, so the
/// partitions move to the remaining members without waiting for a session timeout.
/// </summary>
/// <remarks>
/// librdkafka 2.16 can abort the process when a consumer closes while an assignment it was just
/// given is still being started (rd_kafka_cgrp_terminated: assert !rd_kafka_assignment_in_progress,
/// librdkafka#4792): a --partition run that reaches its end within milliseconds, or a group member
/// stopping right after another one left. So the assignment is given up first: a manual one at
/// once; a group one by unsubscribing and serving the revocation (at most a couple of seconds)
/// before Close(), so that no new assignment can arrive while it closes. Messages returned
/// meanwhile are not handled and their offsets not stored: the next owner reads them. With
/// --commit auto, reading one would store its offset, so that mode closes directly.
/// </remarks>
internal static class GroupDeparture
{
    private static readonly TimeSpan s_revocationWait = TimeSpan.FromSeconds(2);

    public static void Leave(IConsumer<byte[], byte[]> consumer, ConsumerOptions options)
    {
        if (options.Assignment is not null)
        {
            consumer.Unassign();
        }
        else if (options.Commit == CommitMode.AfterProcessing)
        {
            consumer.Unsubscribe();
            var until = Stopwatch.GetTimestamp() + (long)(s_revocationWait.TotalSeconds * Stopwatch.Frequency);
            while (consumer.Assignment.Count > 0 && Stopwatch.GetTimestamp() < until)
            {
                try
                {
                    _ = consumer.Consume(TimeSpan.FromMilliseconds(20));
                }
                catch (ConsumeException)
                {
                    // An error for a partition being given up changes nothing here.
                }
            }
        }

        consumer.Close();
    }
}
