namespace KafkaDemo.Consumer;

/// <summary>Where a group with no committed offset starts reading.</summary>
public enum StartFrom
{
    /// <summary>The oldest message still in the partition.</summary>
    Earliest,

    /// <summary>Only messages produced after the consumer joined.</summary>
    Latest,
}
