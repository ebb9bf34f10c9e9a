using System.Text;
using KafkaDemo.Producer;
using KafkaDemo.Producer.Keys;
using KafkaDemo.Producer.SchemaRegistry;
using KafkaDemo.Producer.Sources;

namespace KafkaDemo.UnitTests.Producer.Sources;

public class GeneratedSchemaEventsTests
{
    private readonly RecordingLogger _logger = new();

    [Fact]
    public void Generated_events_are_encoded_from_their_json_form_with_the_key_as_a_json_string_and_no_content_type()
    {
        var noteEvent = Avro.Schema.Parse(File.ReadAllText(Path.Combine(Repository.Root, "src/Common/Events/note_event.avsc")));
        var options = new ProducerOptions("b", "t", 3, TimeSpan.FromSeconds(5))
        {
            KeyStrategy = KeyStrategy.EventType,
            Encoders = new SchemaEncoders(new JsonSchemaEncoder(8, "t-key", """{"type":"string"}"""), new AvroEncoder(9, "t-value", noteEvent)),
        };

        var messages = new List<OutgoingMessage>();
        var events = new GeneratedEvents(options, _logger);
        while (events.TryNext(out var message))
        {
            messages.Add(message);
        };

        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.Empty(m.Headers));
        Assert.All(messages, m => Assert.Equal([0, 0, 0, 0, 9], m.Value!.Take(5)));
        Assert.Equal([0, 0, 0, 0, 8, .. Encoding.UTF8.GetBytes("\"note_created\"")], messages[0].Key);
        Assert.Empty(_logger.Entries);
    }
}
