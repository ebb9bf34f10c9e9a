using System.Text.Json.Serialization;

namespace KafkaDemo.Producer.SchemaRegistry;

/// <summary>Source-generated JSON for <see cref="SchemaKeys"/>, which the native Producer needs (no reflection).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class SchemaKeysJsonContext : JsonSerializerContext;
