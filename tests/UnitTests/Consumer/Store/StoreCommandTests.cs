using KafkaDemo.Consumer.Store;

namespace KafkaDemo.UnitTests.Consumer.Store;

public class StoreCommandTests
{
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
}
