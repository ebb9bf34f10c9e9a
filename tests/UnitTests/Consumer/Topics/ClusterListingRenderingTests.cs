using System.Text.Json;
using KafkaDemo.Consumer.Topics;

namespace KafkaDemo.UnitTests.Consumer.Topics;

public class ClusterListingRenderingTests
{
    private static readonly ClusterListing Listing = new(
        [new BrokerRow(1, "kafka-1", 9092), new BrokerRow(2, "kafka-2", 9092)],
        ControllerId: 2,
        [new TopicRow("notes", [new PartitionRow(0, 1, [1, 2], [1], 3, 12), new PartitionRow(1, 2, [2, 1], [2, 1], 0, 0)])]);

    [Fact]
    public void Text_names_the_controller_and_gives_a_row_per_partition()
    {
        var lines = ClusterListingText.Render(Listing);

        Assert.Equal(
        [
            "Brokers (2):",
            "  ID  ADDRESS       ROLE",
            "  1   kafka-1:9092",
            "  2   kafka-2:9092  controller",
            string.Empty,
            "Topic notes (2 partitions):",
            "  PARTITION  LEADER  REPLICAS  ISR  LOW  HIGH",
            "  0          1       1,2       1    3    12",
            "  1          2       2,1       2,1  0    0",
        ], lines);
    }

    [Fact]
    public void Where_the_cluster_does_not_say_the_controller_is_shown_as_unknown()
    {
        var lines = ClusterListingText.Render(Listing with { ControllerId = null, Topics = [] });

        Assert.Contains("  1   kafka-1:9092  controller unknown", lines);
        Assert.Equal("No topics.", lines[^1]);
    }

    [Fact]
    public void Json_is_one_valid_document_with_every_field()
    {
        using var document = JsonDocument.Parse(ClusterListingJson.Write(Listing));
        var root = document.RootElement;

        Assert.Equal(2, root.GetProperty("controller").GetInt32());
        Assert.Equal("kafka-2", root.GetProperty("brokers")[1].GetProperty("host").GetString());
        var partition = root.GetProperty("topics")[0].GetProperty("partitions")[0];
        Assert.Equal((0, 1, 3L, 12L), (partition.GetProperty("partition").GetInt32(), partition.GetProperty("leader").GetInt32(), partition.GetProperty("low").GetInt64(), partition.GetProperty("high").GetInt64()));
        Assert.Equal([1, 2], partition.GetProperty("replicas").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([1], partition.GetProperty("isr").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void An_unknown_controller_is_null_in_json()
    {
        using var document = JsonDocument.Parse(ClusterListingJson.Write(Listing with { ControllerId = null }));

        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("controller").ValueKind);
    }
}
