namespace KafkaDemo.Consumer.Topics;

/// <summary>How <c>consumer topics</c> prints the listing.</summary>
public enum ListingFormat
{
    /// <summary>Aligned tables for people.</summary>
    Text,

    /// <summary>One JSON document for scripts.</summary>
    Json,
}
