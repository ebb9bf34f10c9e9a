using System.Text;
using KafkaDemo.Producer;
using KafkaDemo.Producer.SchemaRegistry;
using KafkaDemo.Producer.Sources;

namespace KafkaDemo.UnitTests.Producer.Sources;

public class SchemaEncodedInputTests
{
    private const string Note = """{"type":"record","name":"Note","fields":[{"name":"id","type":"long"},{"name":"text","type":"string"}]}""";

    private static readonly SchemaEncoders Encoders = new(
        new JsonSchemaEncoder(8, "t-key", """{"type":"string"}"""),
        new AvroEncoder(7, "t-value", Avro.Schema.Parse(Note)));

    private readonly RecordingLogger _logger = new();

    private static List<OutgoingMessage> ReadAll(IMessageSource source)
    {
        var messages = new List<OutgoingMessage>();
        while (source.TryNext(out var message))
        {
            messages.Add(message);
        }

        return messages;
    }

    [Fact]
    public void A_line_that_does_not_fit_is_skipped_and_reported_with_the_field_while_the_others_are_framed()
    {
        var options = new ProducerOptions("b", "t", 0, TimeSpan.FromSeconds(5)) { KeySeparator = "|", NullMarker = "NULL", Encoders = Encoders };
        var input = new LineInput(new StringReader("""
            "k1"|{"id":1,"text":"a"}
            "k2"|{"id":"two","text":"b"}
            k3|{"id":3,"text":"c"}
            "k4"|NULL
            """), options, _logger);

        var messages = ReadAll(input);

        Assert.Equal([1L, 4L], messages.Select(m => m.Sequence));
        Assert.Equal([0, 0, 0, 0, 7], messages[0].Value!.Take(5));
        Assert.Equal([0, 0, 0, 0, 8, .. Encoding.UTF8.GetBytes("\"k1\"")], messages[0].Key);
        Assert.Null(messages[1].Value);
        Assert.Equal(2, input.Rejected);
        Assert.Contains(_logger.Entries, e => e.Text == "Input line 2 skipped: value does not fit schema 7 (t-value): field 'id': expected a long, got a string");
        Assert.Contains(_logger.Entries, e => e.Text.StartsWith("Input line 3 skipped: key: not JSON", StringComparison.Ordinal));
    }
}
