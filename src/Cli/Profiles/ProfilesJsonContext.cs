using System.Text.Json.Serialization;

namespace KafkaDemo.Cli.Profiles;

// Source-generated: the programs are published with Native AOT, where reflection serialization
// is trimmed away. Comments and trailing commas are allowed because people edit the file by hand.
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ProfilesDocument))]
internal sealed partial class ProfilesJsonContext : JsonSerializerContext;
