using System.Text.Json;

namespace KafkaDemo.TestSupport.SchemaRegistry;

/// <summary>An HTTP status and JSON body, as the in-process registry answers a request.</summary>
public sealed record RegistryReply(int Status, string Json)
{
    /// <summary>
    /// Confluent's error body: <c>{"error_code":40403,"message":"…"}</c>, with the HTTP status the
    /// code starts with (a plain HTTP status, such as 404 for an unknown path, is its own code).
    /// </summary>
    public static RegistryReply Error(int errorCode, string message) =>
        new(errorCode < 1000 ? errorCode : errorCode / 100, JsonSerializer.Serialize(new { error_code = errorCode, message }));

    /// <summary>40401: the subject has no versions.</summary>
    public static RegistryReply SubjectNotFound(string subject) => Error(40401, $"Subject '{subject}' not found.");

    /// <summary>40402: the subject has no such version.</summary>
    public static RegistryReply VersionNotFound(string version) => Error(40402, $"Version {version} not found.");

    /// <summary>40403: no schema has that id or GUID, or the subject does not hold that schema.</summary>
    public static RegistryReply SchemaNotFound(string what) => Error(40403, $"Schema {what} not found.");
}
