namespace KafkaDemo.UnitTests.Docs;

// The README and the guides link to each other's headings; a heading renamed or a section moved
// breaks such a link without any build noticing. These tests read the files of this clone.
public class DocumentLinksTests
{
    public static TheoryData<string> Documents() => new(DocumentPaths());

    private static IEnumerable<string> DocumentPaths() =>
        Directory.GetFiles(Path.Combine(Repository.Root, "docs"), "*.md")
            .Select(path => "docs/" + Path.GetFileName(path))
            .Order(StringComparer.Ordinal)
            .Prepend("README.md");

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_leads_to_a_file_and_a_heading_that_exist(string document)
    {
        var broken = new LinkChecker(Repository.Root).BrokenLinks(document);

        Assert.True(broken.Count == 0, string.Join('\n', broken));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_repository_path_named_in_code_exists(string document)
    {
        var missing = new LinkChecker(Repository.Root).MissingPaths(document);

        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    [Fact]
    public void The_docs_folder_holds_the_guides_these_tests_check()
    {
        Assert.Contains("docs/consumer-groups.md", DocumentPaths());
    }

    [Theory]
    [InlineData("Storing what is consumed, exactly once", "storing-what-is-consumed-exactly-once")]
    [InlineData("The embedded broker (LocalBroker)", "the-embedded-broker-localbroker")]
    [InlineData("Which partition does a key go to?", "which-partition-does-a-key-go-to")]
    [InlineData("Start-up: where the Producer's time went", "start-up-where-the-producers-time-went")]
    [InlineData("Earlier figures, through `dotnet` (2026-11-22)", "earlier-figures-through-dotnet-2026-11-22")]
    [InlineData("Transactions: all of a batch or none of it", "transactions-all-of-a-batch-or-none-of-it")]
    [InlineData("`--exit-at-end` and `KAFKA_TOPIC`", "--exit-at-end-and-kafka_topic")]
    [InlineData("See [the guide](docs/x.md) – **now**", "see-the-guide--now")]
    public void A_heading_gets_the_anchor_github_gives_it(string heading, string anchor)
    {
        Assert.Equal(anchor, MarkdownDocument.Slug(heading));
    }

    [Fact]
    public void A_repeated_heading_gets_a_numbered_anchor_and_headings_in_code_blocks_get_none()
    {
        var document = MarkdownDocument.Parse("# Notes\n## See it\n```bash\n# not a heading\n```\n## See it\n### See it\n");

        Assert.Equal(["notes", "see-it", "see-it-1", "see-it-2"], document.Anchors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Links_in_code_are_examples_and_not_checked()
    {
        var document = MarkdownDocument.Parse("See [a](a.md#x), `[b](b.md)` and [`c`](c.md).\n```\n[d](d.md)\n```\n[e]: e.md\n");

        Assert.Equal(["a.md#x", "c.md", "e.md"], document.Links.Select(link => link.Target));
    }

    [Fact]
    public void Paths_in_code_spans_are_collected_but_globs_placeholders_and_commands_are_not()
    {
        var document = MarkdownDocument.Parse("In `src/Consumer/Offsets/` and `tests/UnitTests/Docs/LinkChecker.cs`, not `src/*/Dockerfile`, `docs/<name>.md` or `dotnet run --project src/Producer`.\n```\nsrc/Fenced.cs\n```\n");

        Assert.Equal(["src/Consumer/Offsets/", "tests/UnitTests/Docs/LinkChecker.cs"], document.Paths.Select(path => path.Target));
    }

    [Fact]
    public void A_path_that_names_nothing_is_reported_with_its_line()
    {
        var root = Directory.CreateTempSubdirectory("kafkademo-paths-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "src", "Here"));
            File.WriteAllText(Path.Combine(root, "README.md"), "`src/Here`\n`src/Here/Gone.cs` and `src/Elsewhere/`\n");

            var missing = new LinkChecker(root).MissingPaths("README.md");

            Assert.Equal(["README.md:2: src/Here/Gone.cs: no such file or folder", "README.md:2: src/Elsewhere/: no such file or folder"], missing);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_missing_file_and_a_missing_anchor_are_each_reported_with_their_line()
    {
        var root = Directory.CreateTempSubdirectory("kafkademo-links-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "docs"));
            File.WriteAllText(Path.Combine(root, "docs", "guide.md"), "# Guide\n## The part\n");
            File.WriteAllText(Path.Combine(root, "README.md"),
                "[ok](docs/guide.md#the-part) [here](#readme)\n# Readme\n[gone](docs/gone.md)\n[moved](docs/guide.md#the-old-part)\n[web](https://example.com/x#y)\n");

            var broken = new LinkChecker(root).BrokenLinks("README.md");

            Assert.Equal(
                ["README.md:3: docs/gone.md: no such file", "README.md:4: docs/guide.md#the-old-part: no heading there gives this anchor"],
                broken);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
