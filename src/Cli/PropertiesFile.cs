using System.Text;

namespace KafkaDemo.Cli;

/// <summary>
/// Reads Java-style <c>client.properties</c> files, the format Kafka's own tools take with
/// <c>--command-config</c>: <c>key=value</c> or <c>key: value</c> lines, <c>#</c> and <c>!</c>
/// comments, blank lines, and a trailing backslash to continue a value on the next line.
/// </summary>
public static class PropertiesFile
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="UsageException"/> naming the first bad line.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text, string sourceName)
    {
        var result = new List<KeyValuePair<string, string>>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var lineNumber = index + 1;
            var line = lines[index].TrimStart();
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }

            var logical = new StringBuilder(line);
            while (EndsWithContinuation(logical) && index + 1 < lines.Length)
            {
                logical.Length--;
                logical.Append(lines[++index].TrimStart());
            }

            var entry = logical.ToString();
            var separator = entry.IndexOfAny(['=', ':']);
            if (separator <= 0)
            {
                throw new UsageException($"{sourceName} line {lineNumber}: expected key=value, found '{Shorten(entry)}'");
            }

            var key = entry[..separator].Trim();
            var value = entry[(separator + 1)..].Trim();
            result.Add(KeyValuePair.Create(key, value));
        }

        return result;
    }

    /// <summary>Reads and parses the file at <paramref name="path"/>; an unreadable file is a usage error.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot read config file '{path}': {ex.Message}");
        }

        return Parse(text, $"config file '{path}'");
    }

    private static bool EndsWithContinuation(StringBuilder line)
    {
        var backslashes = 0;
        for (var i = line.Length - 1; i >= 0 && line[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    // Config lines may hold secrets; an error shows only the start of an unparseable line.
    private static string Shorten(string line) => line.Length <= 20 ? line : line[..20] + "…";
}
