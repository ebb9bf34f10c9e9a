using KafkaDemo.LocalBroker;

namespace KafkaDemo.UnitTests.LocalBroker;

public class TopicSpecTests
{
    [Theory]
    [InlineData("notes-topic:3", "notes-topic", 3)]
    [InlineData("orders", "orders", TopicSpec.DefaultPartitions)]
    [InlineData("a.b_c-d:16", "a.b_c-d", 16)]
    public void Reads_a_name_and_an_optional_partition_count(string text, string name, int partitions)
    {
        Assert.Equal(new TopicSpec(name, partitions), TopicSpec.TryParse(text, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void Prints_itself_as_it_is_written_on_the_command_line()
    {
        var spec = new TopicSpec("notes-topic", 3);

        Assert.Equal("notes-topic:3", spec.ToString());
        Assert.Equal(spec, TopicSpec.TryParse(spec.ToString(), out _));
    }

    [Theory]
    [InlineData(":3")]
    [InlineData("bad name:3")]
    [InlineData("notes:0")]
    [InlineData("notes:-1")]
    [InlineData("notes:")]
    [InlineData("notes:3x")]
    [InlineData("..")]
    public void Rejects_illegal_names_and_counts(string text)
    {
        Assert.Null(TopicSpec.TryParse(text, out var error));
        Assert.NotNull(error);
    }
}
