using KafkaDemo.Consumer.Copy;
using KafkaDemo.Consumer.Store;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Consumer.Offsets;

/// <summary>
/// What must be durable before the offsets of handled messages move (stored with the client,
/// committed to the group): the output flushed, so no offset covers a line that never reached
/// stdout, and with <c>--store</c> the <see cref="StoreBatch"/> written, so Kafka never hears of an
/// offset past what the database holds. A copy's <see cref="CopyBatch"/> stands where the store
/// batch would: its copies confirmed, or committed in one transaction with the offsets. If any of
/// them fails the run stops.
/// </summary>
internal sealed class BeforeOffsetsMove(int instance, OutputGate output, StoreBatch? batch, StopConditions stop, ILogger logger, CopyBatch? copy = null)
{
    /// <summary>Flushes the output, then writes the store batch; false when either failed, and then no offset may move.</summary>
    public bool MakeDurable()
    {
        if (!output.Flush())
        {
            return false;
        }

        if (copy is not null && !copy.Write())
        {
            // The copy's target said why.
            stop.MarkFatal();
            return false;
        }

        if (batch is null)
        {
            return true;
        }

        try
        {
            batch.Write();
            return true;
        }
        catch (Exception ex) when (ex is StoreException or StoreConflictException)
        {
            logger.LogCritical("Consumer {Instance}: {Reason}; stopping, and acknowledging nothing the store does not hold", instance, ex.Message);
            stop.MarkFatal();
            return false;
        }
    }
}
