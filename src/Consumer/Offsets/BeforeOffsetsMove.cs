using Confluent.Kafka;
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
/// <remarks>
/// A checkpoint taken while consuming (<see cref="WhileConsuming"/>) hands the store batch to a
/// write of its own and returns at once, the instance reading on meanwhile; should the previous
/// write still be running, the batch grows instead (up to <see cref="MostPendingWhileWriting"/>
/// events), so the instance waits for the database only when it has that much in hand, and a slow
/// database gets fewer, larger transactions. Both exist for speed, and could go with
/// <see cref="InFlightWrite"/>. The offsets such a checkpoint stores (<see cref="StoreOffset"/>)
/// are held until the write of their messages has landed. Every other checkpoint (before a commit,
/// at a partition's end, on revocation, at shutdown) waits for all writes, so what it commits the
/// database holds.
/// </remarks>
/// <param name="storeWithClient">Stores one offset with the client (<c>IConsumer.StoreOffset</c>).</param>
internal sealed class BeforeOffsetsMove(int instance, OutputGate output, StoreBatch? batch, StopConditions stop, ILogger logger,
    CopyBatch? copy = null, Action<TopicPartitionOffset>? storeWithClient = null)
{
    /// <summary>Most events a batch gathers while the previous one is still being written.</summary>
    public const int MostPendingWhileWriting = 20_000;

    private bool _consuming;

    /// <summary>
    /// Marks the checkpoints taken until the scope ends as taken while consuming: their store write
    /// may still be running when they return.
    /// </summary>
    public ConsumingScope WhileConsuming()
    {
        _consuming = true;
        return new ConsumingScope(this);
    }

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

        if (batch.Failed)
        {
            // Told once; what was handled since is never written.
            return false;
        }

        if (_consuming && batch.StillWriting && batch.Pending < MostPendingWhileWriting)
        {
            return true;
        }

        try
        {
            StoreWithClient(batch.EndWrite());
            batch.BeginWrite();
            if (!_consuming)
            {
                StoreWithClient(batch.EndWrite());
            }

            return true;
        }
        catch (Exception ex) when (ex is StoreException or StoreConflictException)
        {
            logger.LogCritical("Consumer {Instance}: {Reason}; stopping, and acknowledging nothing the store does not hold", instance, ex.Message);
            stop.MarkFatal();
            return false;
        }
    }

    /// <summary>Stores a checkpoint's offset with the client, or holds it until the store write of its messages has landed.</summary>
    public void StoreOffset(TopicPartitionOffset offset)
    {
        if (batch?.Hold(offset) != true)
        {
            Store(offset);
        }
    }

    private void StoreWithClient(IReadOnlyList<TopicPartitionOffset> offsets)
    {
        foreach (var offset in offsets)
        {
            try
            {
                Store(offset);
            }
            catch (KafkaException ex)
            {
                // Revoked meanwhile: the store holds the messages, and their next owner starts from it.
                logger.LogWarning("Consumer {Instance}: could not store offset {Topic}[{Partition}]@{Offset} with the client ({Reason}); the store holds those messages",
                    instance, offset.Topic, offset.Partition.Value, offset.Offset.Value, ex.Error.Reason);
            }
        }
    }

    private void Store(TopicPartitionOffset offset) =>
        (storeWithClient ?? throw new InvalidOperationException("no client to store offsets with"))(offset);

    /// <summary>The extent of <see cref="WhileConsuming"/>.</summary>
    public readonly struct ConsumingScope(BeforeOffsetsMove owner) : IDisposable
    {
        public void Dispose() => owner._consuming = false;
    }
}
