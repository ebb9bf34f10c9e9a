namespace KafkaDemo.Consumer.SchemaRegistry;

/// <summary>What a framed key or value decoded to, or why it did not; never an exception.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Json">The data as JSON text, for <see cref="RegistryDecodeStatus.Decoded"/>.</param>
/// <param name="SchemaId">The schema id, from the frame or (for a GUID) from the registry.</param>
/// <param name="SchemaGuid">The schema GUID, when the frame carried one.</param>
/// <param name="Encoding"><c>avro</c>, <c>json-schema</c> or <c>protobuf</c>, once the registry has said.</param>
/// <param name="Subject">The subject the schema was found under (the topic's, TopicNameStrategy), when it is.</param>
/// <param name="Version">The schema's version in <paramref name="Subject"/>.</param>
/// <param name="Error">Why it was not decoded, one line; null when it was.</param>
internal sealed record RegistryDecodeResult(
    RegistryDecodeStatus Status,
    string? Json = null,
    int? SchemaId = null,
    Guid? SchemaGuid = null,
    string? Encoding = null,
    string? Subject = null,
    int? Version = null,
    string? Error = null)
{
    /// <summary>Not framed.</summary>
    public static RegistryDecodeResult NotFramed { get; } = new(RegistryDecodeStatus.NotFramed);
}
