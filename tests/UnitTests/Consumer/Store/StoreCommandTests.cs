using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.Store;
using Microsoft.Data.Sqlite;

namespace KafkaDemo.UnitTests.Consumer.Store;

public sealed class StoreCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("store-command-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void The_view_counts_the_events_then_lists_the_notes_then_the_offsets_as_aligned_tables()
    {
        var target = StoreTarget.Parse("postgres://app:hunter2@db/notes", out _)!;

        var lines = StoreCommand.Render(target, 12,
            [new StoredNote(1, "Note 1 created", false, "notes", 2, 0), new StoredNote(3, null, true, "notes", 1, 11)],
            [new StoredOffset("keeper", "notes", 1, 12)]);

        Assert.Equal(
        [
            "postgres://app:***@db:5432/notes holds 12 events in note_events.",
            "Notes in postgres://app:***@db:5432/notes (2):",
            "NOTE  STATE    SET BY       TEXT",
            "1     live     notes[2]@0   Note 1 created",
            "3     deleted  notes[1]@11",
            string.Empty,
            "Stored offsets (the next offset each group reads):",
            "GROUP   TOPIC  PARTITION  NEXT OFFSET",
            "keeper  notes  1          12",
        ], lines);
    }

    // One rule for every subcommand: the flag, then the environment (an empty variable counts as
    // unset), then the default, which for the view is every group.
    [Theory]
    [InlineData("keeper", new string[0], new[] { "keeper" })]
    [InlineData("keeper", new[] { "-g", "billing" }, new[] { "billing" })]
    [InlineData("", new string[0], new[] { "billing", "keeper" })]
    [InlineData(null, new string[0], new[] { "billing", "keeper" })]
    public async Task The_offsets_shown_are_of_the_flags_group_then_KAFKA_GROUP_IDs_then_every_group(string? variable, string[] flags, string[] shown)
    {
        var store = $"sqlite:{Path.Combine(_directory, "notes.db")}";
        var events = EventStore.Open(StoreTarget.Parse(store, out _)!);
        events.Write("keeper", [], [new OffsetAdvance(new TopicPartition("notes", new Partition(0)), null, 3)]);
        events.Write("billing", [], [new OffsetAdvance(new TopicPartition("notes", new Partition(0)), null, 5)]);
        var environment = variable is null ? CommandLine.Environment() : CommandLine.Environment(("KAFKA_GROUP_ID", variable));

        var (exitCode, output, error) = await CommandLine.RunAsync(ConsumerCommand.Create(environment), ["store", "--store", store, .. flags]);

        Assert.True(exitCode == ExitCodes.Success, error);
        var rows = output.Split('\n').SkipWhile(line => !line.StartsWith("GROUP", StringComparison.Ordinal)).Skip(1)
            .Where(line => line.Length > 0).Select(line => line.Split(' ')[0]);
        Assert.Equal(shown, rows);
    }

    [Fact]
    public async Task Help_says_the_view_shows_every_group_unless_the_flag_or_KAFKA_GROUP_ID_names_one()
    {
        var (_, output, _) = await CommandLine.RunAsync(ConsumerCommand.Create(CommandLine.Environment()), "store", "--help");

        var help = System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");
        Assert.Contains("-g, --group-id <id> Show the stored offsets of this group only (default: every group) [env: KAFKA_GROUP_ID]", help);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(help, "--group-id"));
    }
}
