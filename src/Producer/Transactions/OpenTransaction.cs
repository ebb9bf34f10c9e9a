using KafkaDemo.Producer.Delivery;

namespace KafkaDemo.Producer.Transactions;

/// <summary>
/// What has happened since the open transaction began: the messages handed to the producer, and
/// whether an input line was rejected or a delivery failed, either of which means it cannot be committed.
/// </summary>
/// <param name="stats">The run's delivery counts, where failed messages show.</param>
/// <param name="sent">How many messages the run has handed to the producer so far.</param>
/// <param name="rejected">How many input lines the run's source has rejected so far.</param>
public sealed class OpenTransaction(DeliveryStats stats, Func<long> sent, Func<long> rejected)
{
    private long _sentBefore;
    private long _failuresBefore;
    private long _rejectedBefore;

    /// <summary>Messages handed to the producer since the transaction began.</summary>
    public long Messages => sent() - _sentBefore;

    /// <summary>Why the transaction can no longer be committed, or null while it can.</summary>
    public string? Spoiled =>
        rejected() > _rejectedBefore ? "an input line was rejected"
        : stats.FailedReports > _failuresBefore ? "a message was not delivered"
        : null;

    /// <summary>Starts counting afresh: a new transaction has begun.</summary>
    public void Began()
    {
        _sentBefore = sent();
        _failuresBefore = stats.FailedReports;
        _rejectedBefore = rejected();
    }
}
