using System.Text.Json;
using KafkaDemo.Cli;
using KafkaDemo.Consumer;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Producer;

[Collection(BrokerCollection.Name)]
public class CompressionTests(BrokerFixture broker)
{
    // Every codec the --compression option offers, zstd included: librdkafka.redist has them all.
    [Theory]
    [InlineData("gzip")]
    [InlineData("snappy")]
    [InlineData("lz4")]
    [InlineData("zstd")]
    public async Task Events_compressed_with_each_codec_are_consumed_back_intact(string codec)
    {
        var topic = await broker.CreateTopicAsync($"compressed-{codec}", 3);

        var produced = await CommandRunner.RunAsync(ProducerCommand.Create(_ => null),
            "-b", broker.BootstrapServers, "-t", topic, "-n", "30", "--compression", codec, "--linger-ms", "20");
        var consumed = await CommandRunner.RunAsync(ConsumerCommand.Create(_ => null),
            "-b", broker.BootstrapServers, "-t", topic, "-g", topic, "-n", "30", "--idle-timeout", "60s");

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (produced.ExitCode, consumed.ExitCode));
        var ids = consumed.Output.Split('\n')
            .Where(line => line.StartsWith("✅ JSON (", StringComparison.Ordinal))
            .Select(line => JsonDocument.Parse(line[(line.IndexOf('→') + 2)..]).RootElement.GetProperty("id").GetInt32());
        Assert.Equal(Enumerable.Range(1, 30), ids.Order());
    }
}
