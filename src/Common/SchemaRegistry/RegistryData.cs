using System.Globalization;

namespace KafkaDemo.Common.SchemaRegistry;

/// <summary>
/// What is known of a schema-registry framed key or value: the identity its frame names and, once a
/// registry has decoded it, its encoding, subject, version and JSON. Without a registry only the
/// identity is known: nothing else is guessed from the bytes.
/// </summary>
/// <param name="SchemaId">The schema id, from the frame or (for a GUID) from the registry.</param>
/// <param name="SchemaGuid">The schema GUID, when the frame carried one.</param>
/// <param name="Encoding"><c>avro</c>, <c>json-schema</c> or <c>protobuf</c>, once the registry has said.</param>
/// <param name="Subject">The subject the schema is registered under, where the registry says.</param>
/// <param name="Version">The schema's version in <paramref name="Subject"/>.</param>
/// <param name="Json">The data as JSON text, once decoded; null when it was not.</param>
public sealed record RegistryData(int? SchemaId, Guid? SchemaGuid = null, string? Encoding = null, string? Subject = null, int? Version = null, string? Json = null)
{
    /// <summary>The identity of a frame that was read, nothing more; null for anything but <see cref="SchemaFrameStatus.Framed"/>.</summary>
    public static RegistryData? Of(SchemaFrame frame) =>
        frame.Status == SchemaFrameStatus.Framed ? new RegistryData(frame.SchemaId, frame.SchemaGuid) : null;

    /// <summary>The schema's identity as shown: <c>schema id 7</c>, or <c>schema GUID …</c>.</summary>
    public string Identity => SchemaId is { } id ? $"schema id {id.ToString(CultureInfo.InvariantCulture)}" : $"schema GUID {SchemaGuid}";

    /// <summary>
    /// One phrase for a line: <c>avro, schema id 7, notes-value v2</c> once decoded,
    /// <c>protobuf (fields by number), …</c> for Protobuf read without its .proto,
    /// <c>schema-registry framed, schema id 7</c> when only the frame was read.
    /// </summary>
    public string Describe()
    {
        var where = Subject is null ? string.Empty : $", {Subject} v{Version?.ToString(CultureInfo.InvariantCulture)}";
        return Json is null && Encoding is null
            ? $"schema-registry framed, {Identity}"
            : $"{Encoding}{(Json is null ? " (not decoded)" : Encoding == "protobuf" ? " (fields by number)" : string.Empty)}, {Identity}{where}";
    }
}
