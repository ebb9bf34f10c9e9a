using KafkaDemo.Common.Encodings;
using KafkaDemo.Consumer;
using KafkaDemo.Producer;
using KafkaDemo.Producer.SchemaRegistry;
using KafkaDemo.Producer.Sources;

namespace KafkaDemo.UnitTests.Cli;

public class EncodingOptionsTests
{
    [Fact]
    public void The_consumer_binds_each_encoding_given_and_text_for_the_rest()
    {
        var given = ConsumerCommand.Bind(["--key-encoding", "hex", "--value-encoding", "base64"], CommandLine.Environment());
        var none = ConsumerCommand.Bind([], CommandLine.Environment());

        Assert.Equal(new KeyValueEncodings(ByteEncoding.Hex, ByteEncoding.Base64), given.Encodings);
        Assert.Equal(new KeyValueEncodings(ByteEncoding.Text, ByteEncoding.Text), none.Encodings);
    }

    [Fact]
    public void The_producer_binds_the_encodings_for_input_lines()
    {
        var options = ProducerCommand.Bind(["-i", "-", "--key-separator", ":", "--key-encoding", "base64", "--value-encoding", "hex"], CommandLine.Environment());

        Assert.Equal(new KeyValueEncodings(ByteEncoding.Base64, ByteEncoding.Hex), options.Encodings);
    }

    [Fact]
    public void A_hex_or_base64_value_takes_no_latest_schema_from_a_registry_given_alone()
    {
        var encoded = ProducerCommand.Bind(["-i", "-", "--value-encoding", "base64", "--schema-registry", "http://registry:8081"], CommandLine.Environment());
        var text = ProducerCommand.Bind(["-i", "-", "--schema-registry", "http://registry:8081"], CommandLine.Environment());

        Assert.Null(encoded.ValueSchema);
        Assert.Equal(SchemaChoice.Latest, text.ValueSchema);
    }

    [Fact]
    public void Parse_headers_binds_kafkas_separators_unless_others_are_given()
    {
        var defaults = ProducerCommand.Bind(["-i", "-", "--parse-headers"], CommandLine.Environment());
        var chosen = ProducerCommand.Bind(["-i", "-", "--parse-headers", "--headers-separator", ";", "--headers-key-separator", "="], CommandLine.Environment());
        var off = ProducerCommand.Bind(["-i", "-"], CommandLine.Environment());

        Assert.Equal(new LineHeaderFormat("\t", ",", ":"), defaults.LineHeaders);
        Assert.Equal(new LineHeaderFormat("\t", ";", "="), chosen.LineHeaders);
        Assert.Null(off.LineHeaders);
    }
}
