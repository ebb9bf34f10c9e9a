namespace KafkaDemo.Consumer;

/// <summary>What <see cref="StartPosition"/> means.</summary>
public enum StartKind
{
    /// <summary>The oldest message still in the partition.</summary>
    Earliest,

    /// <summary>Only messages produced from now on.</summary>
    Latest,

    /// <summary>The group's committed offset; partitions without one are reported and not read.</summary>
    Committed,

    /// <summary>The first message at or after a point in time.</summary>
    Time,

    /// <summary>The last n offsets of each partition (<c>--tail</c>), whatever the group committed.</summary>
    Tail,
}
