namespace KafkaDemo.Consumer.SchemaRegistry;

/// <summary>The registry's answer for one schema id or GUID: the schema, or why there is none.</summary>
/// <param name="Schema">The schema; null on failure.</param>
/// <param name="Failure">On failure, <see cref="RegistryDecodeStatus.UnknownSchema"/> or <see cref="RegistryDecodeStatus.RegistryUnavailable"/>.</param>
/// <param name="Error">On failure, why, in one line.</param>
internal sealed record SchemaLookup(RegistrySchema? Schema, RegistryDecodeStatus Failure = RegistryDecodeStatus.Decoded, string? Error = null);
