namespace KafkaDemo.Consumer.Bounds;

/// <summary>What an <see cref="UntilBound"/> stops each partition at.</summary>
public enum UntilKind
{
    /// <summary>Before the first message whose timestamp is later than a point in time.</summary>
    Time,

    /// <summary>Before a given offset (<c>@offset</c>): that offset is not read.</summary>
    Offset,

    /// <summary>After n messages from where the partition started in this run (<c>+n</c>).</summary>
    Count,
}
