namespace KafkaDemo.UnitTests.Docs;

/// <summary>A link in a Markdown file: the line it is on (from 1) and its target as written.</summary>
internal sealed record MarkdownLink(int Line, string Target);
