using System.Text.Json;
using KafkaDemo.Clients;

namespace KafkaDemo.Cli.Profiles;

/// <summary>
/// The profiles file, <c>kafkademo/profiles.json</c> in the user's config directory:
/// <c>$XDG_CONFIG_HOME</c> when it is set (an absolute path), else <c>~/.config</c> on Linux, else
/// .NET's <see cref="Environment.SpecialFolder.ApplicationData"/>. It is read once per process and
/// written whole, owner-only (0600), through a temporary file renamed over it, so that a crash
/// never leaves half a file.
/// </summary>
public sealed class ProfileStore
{
    private ProfilesDocument? _loaded;

    /// <summary>The store at <paramref name="path"/>; null when there is no config directory to put it in.</summary>
    public ProfileStore(string? path) => Path = path;

    /// <summary>Where the file is (whether or not it exists), or null without a config directory.</summary>
    public string? Path { get; }

    /// <summary>The store in the config directory that <paramref name="environment"/> points at.</summary>
    public static ProfileStore Locate(Func<string, string?> environment)
    {
        var directory = EnvironmentFallback.Read("XDG_CONFIG_HOME", environment) is { } xdg && System.IO.Path.IsPathRooted(xdg)
            ? xdg
            : OperatingSystem.IsLinux()
                ? EnvironmentFallback.Read("HOME", environment) is { } home ? System.IO.Path.Combine(home, ".config") : null
                : Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData) is { Length: > 0 } data ? data : null;
        return new ProfileStore(directory is null ? null : System.IO.Path.Combine(directory, "kafkademo", "profiles.json"));
    }

    /// <summary>The profiles; none when the file does not exist.</summary>
    /// <exception cref="UsageException">The file cannot be read or is not a profiles file.</exception>
    public ProfilesDocument Load()
    {
        if (_loaded is not null)
        {
            return _loaded;
        }

        if (Path is null || !File.Exists(Path))
        {
            return _loaded = new ProfilesDocument();
        }

        try
        {
            using var stream = File.OpenRead(Path);
            var document = JsonSerializer.Deserialize(stream, ProfilesJsonContext.Default.ProfilesDocument) ?? new ProfilesDocument();
            document.Clusters ??= new(StringComparer.Ordinal);
            return _loaded = document;
        }
        catch (JsonException ex)
        {
            // The parser's own message may quote the text around the fault, which can be a password.
            throw new UsageException($"cluster profiles file '{Path}' is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read cluster profiles file '{Path}': {ex.Message}");
        }
    }

    /// <summary>Writes <paramref name="document"/>, readable by its owner only.</summary>
    /// <exception cref="UsageException">There is no config directory, or the file cannot be written.</exception>
    public void Save(ProfilesDocument document)
    {
        if (Path is null)
        {
            throw new UsageException("no config directory for cluster profiles: set XDG_CONFIG_HOME or HOME.");
        }

        var temporary = $"{Path}.{Environment.ProcessId}.tmp";
        try
        {
            var directory = System.IO.Path.GetDirectoryName(Path)!;
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                JsonSerializer.Serialize(stream, document, ProfilesJsonContext.Default.ProfilesDocument);
                stream.WriteByte((byte)'\n');
            }

            File.Move(temporary, Path, overwrite: true);
            _loaded = document;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new UsageException($"cannot write cluster profiles file '{Path}': {ex.Message}");
        }
    }

    /// <summary>
    /// One line to warn with when the file holds a secret in clear and others than its owner may
    /// read it; null otherwise (and always on Windows, whose permissions are not mode bits).
    /// </summary>
    public string? PermissionWarning(ProfilesDocument document)
    {
        if (Path is null || OperatingSystem.IsWindows() || !File.Exists(Path) || !HoldsSecret(document))
        {
            return null;
        }

        var mode = File.GetUnixFileMode(Path);
        return (mode & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) == 0
            ? null
            : $"warning: cluster profiles file '{Path}' holds a password and others can read it; run: chmod 600 '{Path}'";
    }

    private static bool HoldsSecret(ProfilesDocument document) =>
        document.Clusters.Values.Any(profile =>
            profile.Properties.Any(p => Secrets.IsSecret(p.Key) && p.Value.Length > 0 && !SecretReference.IsReference(p.Value))
            || profile.SchemaRegistry?.Auth is { Length: > 0 } auth && !SecretReference.IsReference(auth));
}
