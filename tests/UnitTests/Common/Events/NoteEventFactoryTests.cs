using System.Text.Json;
using KafkaDemo.Common.Events;

namespace KafkaDemo.UnitTests.Common.Events;

public class NoteEventFactoryTests
{
    [Fact]
    public void Event_types_cycle_created_updated_deleted()
    {
        var types = Enumerable.Range(1, 6).Select(id => NoteEventFactory.Create(id).EventType);

        Assert.Equal(["note_created", "note_updated", "note_deleted", "note_created", "note_updated", "note_deleted"], types);
    }

    [Fact]
    public void Each_event_carries_its_sequence_number_as_id()
    {
        var ids = Enumerable.Range(1, 9).Select(id => NoteEventFactory.Create(id).Id);

        Assert.Equal(Enumerable.Range(1, 9), ids);
    }

    [Fact]
    public void Ids_below_one_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NoteEventFactory.Create(0));
    }

    [Fact]
    public void Serialises_to_snake_case_json_with_the_three_fields()
    {
        var json = JsonSerializer.Serialize(NoteEventFactory.Create(4), NoteEventJsonContext.Default.NoteEvent);

        Assert.Equal("""{"id":4,"event_type":"note_created","text":"Note 2 created"}""", json);
    }
}
