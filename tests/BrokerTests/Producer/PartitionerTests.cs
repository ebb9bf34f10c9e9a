using KafkaDemo.Common;
using System.Text;
using KafkaDemo.Common.Partitioning;
using KafkaDemo.Producer.Keys;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Producer;

[Collection(BrokerCollection.Name)]
public class PartitionerTests(BrokerFixture broker)
{
    [Theory]
    [InlineData(PartitionerKind.Murmur2)]
    [InlineData(PartitionerKind.Crc32)]
    [InlineData(PartitionerKind.UuidModulo)]
    public async Task A_thousand_distinct_keys_each_land_in_the_partition_the_helper_predicts(PartitionerKind partitioner)
    {
        var topic = await broker.CreateTopicAsync($"keys-{EnumNames.NameOf(partitioner)}", partitions: 6);
        var options = new ProducerOptions(broker.BootstrapServers, topic, 1000, TimeSpan.FromSeconds(30))
        {
            KeyStrategy = KeyStrategy.Uuid,
            Partitioner = partitioner,
            Quiet = true,
        };

        var summary = await new NoteProducer(options, new StringWriter(), new ListLogger()).RunAsync(CancellationToken.None);
        var stored = TopicReader.ReadAll(broker.BootstrapServers, topic, 1000);

        Assert.Equal(1000, summary.Delivered);
        Assert.Equal(1000, stored.Count);
        Assert.Equal(1000, stored.Select(r => Encoding.UTF8.GetString(r.Message.Key)).Distinct().Count());
        Assert.All(stored, r => Assert.Equal(PartitionPredictor.PartitionFor(partitioner, r.Message.Key, 6), r.Partition.Value));
        Assert.Equal(6, stored.Select(r => r.Partition.Value).Distinct().Count());
    }
}
