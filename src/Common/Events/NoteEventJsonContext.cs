using System.Text.Json.Serialization;

namespace KafkaDemo.Common.Events;

/// <summary>
/// Source-generated JSON metadata for <see cref="NoteEvent"/>: snake_case names, no reflection
/// at run time, compact output.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(NoteEvent))]
public sealed partial class NoteEventJsonContext : JsonSerializerContext;
