using System.Text;
using System.Text.Json;
using KafkaDemo.Common.Events;

namespace KafkaDemo.UnitTests.Common.Events;

public class NoteEventEncoderTests
{
    private static byte[] Serialized(NoteEvent note) => JsonSerializer.SerializeToUtf8Bytes(note, NoteEventJsonContext.Default.NoteEvent);

    [Fact]
    public void Generated_events_are_written_as_the_serializer_writes_them()
    {
        foreach (var id in Enumerable.Range(1, 3_000).Append(int.MaxValue))
        {
            var note = NoteEventFactory.Create(id);
            Assert.Equal(Encoding.UTF8.GetString(Serialized(note)), Encoding.UTF8.GetString(NoteEventEncoder.Encode(note, NoteEventFormat.Json)));
        }
    }

    [Fact]
    public void The_documented_shape()
    {
        var json = Encoding.UTF8.GetString(NoteEventEncoder.Encode(new NoteEvent(7, "note_created", "Note 3 created"), NoteEventFormat.Json));

        Assert.Equal("""{"id":7,"event_type":"note_created","text":"Note 3 created"}""", json);
    }

    [Theory]
    [InlineData(-5, "note_created", "")]
    [InlineData(0, "", "plain")]
    [InlineData(1, "note_created", "say \"hi\"")]
    [InlineData(2, "note_updated", "back\\slash and\ttab")]
    [InlineData(3, "note_deleted", "<b>&amp;</b> 'quoted' +1")]
    [InlineData(4, "note_créé", "Grüße, 你好 🎉")]
    [InlineData(5, "type\u0001", "line\nbreak")]
    public void Any_other_event_is_written_as_the_serializer_writes_it(int id, string eventType, string text)
    {
        var note = new NoteEvent(id, eventType, text);

        Assert.Equal(Serialized(note), NoteEventEncoder.Encode(note, NoteEventFormat.Json));
    }
}
