namespace KafkaDemo.Consumer.Reset;

/// <summary>Where <c>reset-offsets --to</c> moves a group's committed offsets.</summary>
public enum ResetKind
{
    /// <summary>The oldest offset still kept (low watermark).</summary>
    Earliest,

    /// <summary>The end of the partition (high watermark): nothing left to read.</summary>
    Latest,

    /// <summary>A given offset, kept within the watermarks.</summary>
    Offset,

    /// <summary>The committed offset moved by a number of messages, kept within the watermarks.</summary>
    Shift,

    /// <summary>The first message at or after a point in time; the end if there is none.</summary>
    Time,
}
