namespace KafkaDemo.Consumer.Copy;

/// <summary>What a <c>copy</c> run writes, and where: the part of a run's options only a copy has.</summary>
/// <param name="ToTopic">The topic every message goes to; null with <see cref="Redrive"/>.</param>
/// <param name="TransactionalId">With it, each batch and its source offsets are one transaction (exactly once); without, at least once.</param>
public sealed record CopyOptions(string? ToTopic, string? TransactionalId)
{
    /// <summary>Send each message back to the topic its dead-letter headers name.</summary>
    public bool Redrive { get; init; }

    /// <summary>Drop the headers our dead-letter queue adds (the error and the source coordinates).</summary>
    public bool StripDeadLetterHeaders { get; init; }

    /// <summary>Keep each message's timestamp instead of the time of the copy.</summary>
    public bool KeepTimestamps { get; init; }

    /// <summary>Write each message to the partition it was read from (with <see cref="Redrive"/>: the one its headers name).</summary>
    public bool KeepPartitions { get; init; }

    /// <summary>True when the copy runs in transactions.</summary>
    public bool Transactional => TransactionalId is not null;

    /// <summary>Where the messages go, for log lines.</summary>
    public string Destination => ToTopic ?? "the topics the dead-letter headers name";
}
