using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer.Offsets;

/// <summary>
/// The commits of a run that reads outside the group (<c>--partition</c>, <c>--assign</c>). Such a
/// run commits its offsets under the group id as long as the group accepts them; a group with
/// members refuses a commit from a consumer that is not one of them (Unknown member, on a real Kafka
/// as on the embedded broker, which also counts a member that left until its session times out),
/// and no rebalance will ever make this run a member. So the first
/// refusal is said once, the run commits nothing more, and it still ends at the end. Thread-safe:
/// librdkafka reports auto commits and logs on its own threads.
/// </summary>
internal sealed class OutsideGroupCommits(int instance, string groupId, ILogger logger)
{
    private int _refused;

    /// <summary>True once the group refused a commit from this run.</summary>
    public bool Refused => Volatile.Read(ref _refused) == 1;

    /// <summary>Whether <paramref name="error"/> is the group refusing a commit from outside it.</summary>
    public static bool IsRefusal(Error error) =>
        error.Code is ErrorCode.UnknownMemberId or ErrorCode.IllegalGeneration or ErrorCode.RebalanceInProgress;

    /// <summary>Takes note of a failed commit; true when it was the group's refusal (said once per run, whoever met it).</summary>
    public bool Refuses(Error error)
    {
        if (!IsRefusal(error))
        {
            return false;
        }

        if (Interlocked.Exchange(ref _refused, 1) == 0)
        {
            logger.LogWarning("Consumer {Instance}: group {Group} has members, so it refuses commits from this run, which reads outside it ({Reason}); this run commits no offsets",
                instance, groupId, error.Reason);
        }

        return true;
    }

    /// <summary>The outcome of one of librdkafka's automatic commits.</summary>
    public void AutoCommitted(CommittedOffsets committed)
    {
        if (committed.Error.IsError)
        {
            _ = Refuses(committed.Error);
            return;
        }

        foreach (var offset in committed.Offsets.Where(o => o.Error.IsError))
        {
            if (Refuses(offset.Error))
            {
                return;
            }
        }
    }
}
