namespace KafkaDemo.UnitTests.Docs;

/// <summary>
/// Finds the relative links of a Markdown file that lead nowhere: to a file or folder that does not
/// exist, or to an anchor no heading of the target file produces. Links with a scheme (https:,
/// mailto:) are left alone: checking them needs the network.
/// </summary>
internal sealed class LinkChecker(string root)
{
    private readonly Dictionary<string, MarkdownDocument> _documents = new(StringComparer.Ordinal);

    /// <summary>One line per broken link, "file:line: target: why", for the file at this path under the root.</summary>
    public IReadOnlyList<string> BrokenLinks(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(root, relativePath));
        var broken = new List<string>();
        foreach (var link in Document(path).Links)
        {
            var problem = Problem(path, link.Target);
            if (problem is not null)
            {
                broken.Add($"{relativePath}:{link.Line}: {link.Target}: {problem}");
            }
        }

        return broken;
    }

    /// <summary>One line per repository path named in inline code that names nothing, "file:line: path: no such file or folder".</summary>
    public IReadOnlyList<string> MissingPaths(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(root, relativePath));
        return Document(path).Paths
            .Where(named => !File.Exists(Path.Combine(root, named.Target)) && !Directory.Exists(Path.Combine(root, named.Target)))
            .Select(named => $"{relativePath}:{named.Line}: {named.Target}: no such file or folder")
            .ToList();
    }

    private string? Problem(string from, string target)
    {
        if (target.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var file = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);
        var resolved = file.Length == 0 ? from : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(from)!, file));
        if (!File.Exists(resolved))
        {
            return Directory.Exists(resolved) && anchor is null ? null : "no such file";
        }

        if (anchor is null)
        {
            return null;
        }

        if (!resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return "an anchor into a file that is not Markdown";
        }

        return Document(resolved).Anchors.Contains(anchor) ? null : "no heading there gives this anchor";
    }

    private MarkdownDocument Document(string path)
    {
        if (!_documents.TryGetValue(path, out var document))
        {
            document = MarkdownDocument.Parse(File.ReadAllText(path));
            _documents[path] = document;
        }

        return document;
    }
}
