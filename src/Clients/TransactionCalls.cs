using Confluent.Kafka;

namespace KafkaDemo.Clients;

/// <summary>
/// librdkafka's commit and abort, each retried on the errors that ask for it: a retriable error (a
/// timeout) is retried with the same call, up to three attempts in all. What an outcome means for
/// the run is the caller's business (the Producer's transactions, the Consumer's copy).
/// </summary>
public static class TransactionCalls
{
    private const int Attempts = 3;

    /// <summary>
    /// Commits the open transaction, which first flushes its messages. False when it could not:
    /// <paramref name="abortInstead"/> is then true when librdkafka asks for an abort (a message of
    /// the transaction failed), false when the transaction could not be ended at all.
    /// </summary>
    /// <param name="producer">The transactional producer.</param>
    /// <param name="timeout">How long each attempt may take.</param>
    /// <param name="retrying">Told the reason each time an attempt failed and another follows.</param>
    /// <param name="failure">Why the last attempt failed; empty when committed.</param>
    /// <param name="abortInstead">True when the transaction must be aborted instead.</param>
    public static bool TryCommit(
        IProducer<byte[], byte[]> producer, TimeSpan timeout, Action<string> retrying, out string failure, out bool abortInstead)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                producer.CommitTransaction(timeout);
                (failure, abortInstead) = (string.Empty, false);
                return true;
            }
            catch (KafkaTxnRequiresAbortException ex)
            {
                (failure, abortInstead) = (ex.Error.Reason, true);
                return false;
            }
            catch (KafkaRetriableException ex) when (attempt < Attempts)
            {
                retrying(ex.Error.Reason);
            }
            catch (KafkaException ex)
            {
                (failure, abortInstead) = (ex.Error.Reason, false);
                return false;
            }
        }
    }

    /// <summary>Aborts the open transaction; false, with <paramref name="failure"/> set, when it could not.</summary>
    public static bool TryAbort(IProducer<byte[], byte[]> producer, TimeSpan timeout, out string failure)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                producer.AbortTransaction(timeout);
                failure = string.Empty;
                return true;
            }
            catch (KafkaRetriableException) when (attempt < Attempts)
            {
            }
            catch (KafkaException ex)
            {
                failure = ex.Error.Reason;
                return false;
            }
        }
    }
}
