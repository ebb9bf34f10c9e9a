using System.Text;
using Confluent.Kafka;
using KafkaDemo.Common;
using KafkaDemo.Consumer.Processing;
using KafkaDemo.Consumer.Store;

namespace KafkaDemo.UnitTests.Consumer.Store;

public class StoredEventsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static StoredEvent? Row(string? value, string? contentType = null, string? key = "k")
    {
        var headers = new Headers();
        if (contentType is not null)
        {
            headers.Add(ContentTypes.HeaderName, Encoding.UTF8.GetBytes(contentType));
        }

        var result = new ConsumeResult<byte[], byte[]>
        {
            Topic = "notes",
            Partition = new Partition(2),
            Offset = new Offset(41),
            Message = new Message<byte[], byte[]>
            {
                Key = key is null ? null! : Encoding.UTF8.GetBytes(key),
                Value = value is null ? null! : Encoding.UTF8.GetBytes(value),
                Headers = headers,
                Timestamp = new Timestamp(1_763_900_000_000, TimestampType.CreateTime),
            },
        };
        return StoredEvents.From(result, ConsumeResults.Decode(result), Now);
    }

    [Fact]
    public void A_json_note_event_keeps_its_id_type_text_and_where_it_was_read()
    {
        var row = Row("""{"id":7,"event_type":"note_updated","text":"Note 3 updated"}""", ContentTypes.Json);

        Assert.Equal(new StoredEvent("notes", 2, 41, "k", "note_updated", 7, "Note 3 updated", 1_763_900_000_000,
            """[{"key":"content-type","value":"application/json"}]""", Now), row);
    }

    [Fact]
    public void Plain_text_is_stored_with_its_text_and_no_event_fields()
    {
        var row = Row("just a line", key: null);

        Assert.Equal((null, null, (long?)null, "just a line", "[]"), (row!.Key, row.EventType, row.NoteId, row.Text, row.HeadersJson));
    }

    [Theory]
    [InlineData("""{"id":"seven","event_type":"note_created"}""")]
    [InlineData(null)]
    public void Invalid_events_and_tombstones_are_not_stored(string? value)
    {
        Assert.Null(Row(value, value is null ? null : ContentTypes.Json));
    }

    [Theory]
    [InlineData("""{"meta":{"id":1,"text":"nested"},"id":7,"event_type":"note_updated","text":"top"}""", 7L, "top")]
    [InlineData("""{"id":7,"event_type":"note_updated","text":"first","text":"last","id":8}""", 8L, "last")]
    public void Only_the_top_levels_id_and_text_are_read_and_the_last_of_each_when_repeated(string value, long id, string text)
    {
        var row = Row(value, ContentTypes.Json);

        Assert.Equal((id, text), (row!.NoteId, row.Text));
    }

    [Fact]
    public void Equal_headers_in_a_row_give_equal_json_and_different_ones_their_own()
    {
        var first = Row("""{"id":1,"event_type":"note_created","text":"a"}""", ContentTypes.Json);
        var second = Row("""{"id":2,"event_type":"note_created","text":"b"}""", ContentTypes.Json);
        var third = Row("""{"id":3,"event_type":"note_created","text":"c"}""", "application/json; charset=utf-8");

        Assert.Equal("""[{"key":"content-type","value":"application/json"}]""", first!.HeadersJson);
        Assert.Equal(first.HeadersJson, second!.HeadersJson);
        Assert.Equal("""[{"key":"content-type","value":"application/json; charset=utf-8"}]""", third!.HeadersJson);
    }
}
