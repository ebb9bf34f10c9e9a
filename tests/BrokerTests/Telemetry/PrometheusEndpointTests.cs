using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Confluent.Kafka;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Telemetry;

[Collection(BrokerCollection.Name)]
public sealed partial class PrometheusEndpointTests(BrokerFixture broker)
{
    [Fact]
    public async Task A_running_consumer_serves_its_consumed_counts_and_its_lag_per_partition()
    {
        var topic = await broker.CreateTopicAsync("scraped", partitions: 3);
        var group = $"g-{topic}";
        Assert.True((await new NoteProducer(new ProducerOptions(broker.BootstrapServers, topic, 9, TimeSpan.FromSeconds(30)), new StringWriter(), new ListLogger())
            .RunAsync(CancellationToken.None)).Succeeded);
        var ends = EndOffsets(topic);
        // The group has committed offset 1 in every partition that holds messages, and the run
        // commits nothing before it stops: librdkafka's lag (end less committed) stays end - 1.
        var filled = ends.Where(e => e.Value > 0).Select(e => e.Key).ToList();
        using (var committer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = group }).Build())
        {
            committer.Commit(filled.Select(p => new TopicPartitionOffset(topic, p, 1)));
        }

        var port = FreePort();
        using var consumer = Process.Start(Programs.Start("KafkaDemo.Consumer",
            ["-b", broker.BootstrapServers, "-t", topic, "-g", group, "--metrics-port", port.ToString(CultureInfo.InvariantCulture), "-X", "auto.commit.interval.ms=3600000"]))!;
        _ = consumer.StandardOutput.ReadToEndAsync();
        var stderr = consumer.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var expectedConsumed = filled.ToDictionary(p => p, p => ends[p] - 1);
            IReadOnlyDictionary<int, long> consumed = new Dictionary<int, long>(), lag = new Dictionary<int, long>();
            await Eventually.HoldsAsync(() =>
            {
                if (consumer.HasExited)
                {
                    throw new Xunit.Sdk.XunitException($"the Consumer exited ({consumer.ExitCode}): {stderr.Result}");
                }

                string text;
                try
                {
                    text = http.GetStringAsync($"http://127.0.0.1:{port}/metrics").GetAwaiter().GetResult();
                }
                catch (HttpRequestException)
                {
                    return false;
                }

                consumed = Series(text, "kafkademo_consumer_consumed_total", topic);
                lag = Series(text, "kafkademo_consumer_lag", topic);
                return consumed.Count == expectedConsumed.Count && consumed.All(c => expectedConsumed[c.Key] == c.Value) && lag.Count == filled.Count;
            }, "the endpoint shows every message consumed and a lag for every partition", TimeSpan.FromSeconds(60));

            Assert.Equal(expectedConsumed.OrderBy(e => e.Key), consumed.OrderBy(e => e.Key));
            Assert.Equal(filled.ToDictionary(p => p, p => ends[p] - 1).OrderBy(e => e.Key), lag.OrderBy(e => e.Key));
        }
        finally
        {
            consumer.Kill();
            await consumer.WaitForExitAsync();
        }
    }

    // Each sample of the metric for the topic, by partition: name{...partition="n"...topic="t"...} value
    private static Dictionary<int, long> Series(string text, string metric, string topic) =>
        SampleLine().Matches(text)
            .Where(m => m.Groups["name"].Value == metric && m.Groups["labels"].Value.Contains($"topic=\"{topic}\"", StringComparison.Ordinal))
            .ToDictionary(
                m => int.Parse(PartitionLabel().Match(m.Groups["labels"].Value).Groups[1].Value, CultureInfo.InvariantCulture),
                m => (long)double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\{(?<labels>[^}]*)\} (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();

    [GeneratedRegex("partition=\"(\\d+)\"")]
    private static partial Regex PartitionLabel();

    private Dictionary<int, long> EndOffsets(string topic)
    {
        using var client = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = "watermarks" }).Build();
        return Enumerable.Range(0, 3).ToDictionary(p => p, p => client.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High.Value);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
