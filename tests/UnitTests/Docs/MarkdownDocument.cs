using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KafkaDemo.UnitTests.Docs;

/// <summary>
/// What a link checker needs from one Markdown file: the anchors its headings get on GitHub, and
/// the links it makes. Fenced code blocks and inline code are skipped: a '#' or a '[x](y)' there
/// is an example, not a heading or a link.
/// </summary>
internal sealed partial class MarkdownDocument
{
    private MarkdownDocument(IReadOnlySet<string> anchors, IReadOnlyList<MarkdownLink> links, IReadOnlyList<MarkdownLink> paths)
    {
        Anchors = anchors;
        Links = links;
        Paths = paths;
    }

    public IReadOnlySet<string> Anchors { get; }

    public IReadOnlyList<MarkdownLink> Links { get; }

    /// <summary>
    /// Repository paths named in inline code (<c>`src/Consumer/Offsets/OffsetCheckpoint.cs`</c>):
    /// the docs tell a newcomer where things happen by such names, so a file moved or renamed must
    /// take them along. Spans with a glob or a placeholder (<c>*</c>, <c>&lt;</c>) are examples.
    /// </summary>
    public IReadOnlyList<MarkdownLink> Paths { get; }

    public static MarkdownDocument Parse(string text)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var links = new List<MarkdownLink>();
        var paths = new List<MarkdownLink>();
        var inFence = false;
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            var heading = Heading().Match(line);
            if (heading.Success)
            {
                var slug = Slug(heading.Groups["text"].Value);
                var count = seen.GetValueOrDefault(slug);
                seen[slug] = count + 1;
                anchors.Add(count == 0 ? slug : slug + "-" + count.ToString(CultureInfo.InvariantCulture));
            }

            foreach (Match span in CodeSpan().Matches(line))
            {
                var code = span.Groups["code"].Value.Trim();
                if (RepositoryPath().IsMatch(code))
                {
                    paths.Add(new MarkdownLink(index + 1, code));
                }
            }

            var linkable = CodeSpan().Replace(line, "");
            foreach (Match link in InlineLink().Matches(linkable))
            {
                links.Add(new MarkdownLink(index + 1, link.Groups["target"].Value));
            }

            var reference = ReferenceDefinition().Match(linkable);
            if (reference.Success)
            {
                links.Add(new MarkdownLink(index + 1, reference.Groups["target"].Value));
            }
        }

        return new MarkdownDocument(anchors, links, paths);
    }

    /// <summary>
    /// The anchor GitHub gives a heading: its rendered text in lower case, every character that is
    /// not a letter, a digit, a space, a hyphen or an underscore dropped, and each space a hyphen.
    /// </summary>
    public static string Slug(string headingText)
    {
        var rendered = InlineLink().Replace(headingText, match => match.Groups["text"].Value);
        rendered = rendered.Replace("`", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal).Trim();
        var slug = new StringBuilder(rendered.Length);
        foreach (var character in rendered.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(character) || character == '-' || char.GetUnicodeCategory(character)
                    is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation)
            {
                slug.Append(character);
            }
            else if (character == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    // An ATX heading: up to three spaces, one to six '#', a space, the text, optional closing '#'s.
    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(?<text>.*?)(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex Heading();

    // A code span: a run of backticks, then anything up to the same run again.
    [GeneratedRegex(@"(?<fence>`+)(?<code>.*?)\k<fence>")]
    private static partial Regex CodeSpan();

    // [text](target) or [text](target "title"); code spans are taken out of the line first.
    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    // A path under one of the repository's top folders, with no glob, placeholder or space in it.
    [GeneratedRegex(@"^(src|tests|eng|docs)/[A-Za-z0-9_.\-/]+$")]
    private static partial Regex RepositoryPath();

    // [label]: target, a reference-style link definition.
    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:\s*(?<target>\S+)")]
    private static partial Regex ReferenceDefinition();
}
