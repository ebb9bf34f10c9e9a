namespace KafkaDemo.Common.SchemaRegistry;

/// <summary>The schema identity read from a key's or value's frame, and where its data begins.</summary>
/// <param name="Status">Whether a frame was found.</param>
/// <param name="Form">Where the identity was: in front of the data, or in a header.</param>
/// <param name="SchemaId">The registry's schema id (magic byte 0); null for a GUID.</param>
/// <param name="SchemaGuid">The registry's schema GUID (magic byte 1, header form only); null for an id.</param>
/// <param name="IdEnd">
/// Where the bytes after the identity begin, counted in the bytes the identity was read from (the
/// value for <see cref="SchemaFrameForm.Prefix"/>, the header for <see cref="SchemaFrameForm.Header"/>).
/// For Protobuf the message-index array starts there (see <see cref="ProtobufMessageIndexes"/>).
/// </param>
/// <param name="Problem">For <see cref="SchemaFrameStatus.Malformed"/>: what is wrong, in a few words.</param>
public readonly record struct SchemaFrame(
    SchemaFrameStatus Status,
    SchemaFrameForm Form = SchemaFrameForm.Prefix,
    int? SchemaId = null,
    Guid? SchemaGuid = null,
    int IdEnd = 0,
    string? Problem = null)
{
    /// <summary>No frame.</summary>
    public static SchemaFrame None { get; } = new(SchemaFrameStatus.NotFramed);

    /// <summary>Where the serialized data begins in the key or value: after the prefix, or at 0 when a header carried the identity.</summary>
    public int PayloadOffset => Status == SchemaFrameStatus.Framed && Form == SchemaFrameForm.Prefix ? IdEnd : 0;
}
