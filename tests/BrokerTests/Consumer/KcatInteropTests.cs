using System.Diagnostics;
using System.Text.Json;
using KafkaDemo.Common.Decoding;
using KafkaDemo.Common.Events;
using KafkaDemo.Consumer;
using KafkaDemo.Producer;

namespace KafkaDemo.BrokerTests.Consumer;

// kcat (Debian's package, on its own librdkafka) as an independent peer. ./build.sh test installs it
// where it can; elsewhere these tests are skipped, saying why.
[Collection(BrokerCollection.Name)]
public class KcatInteropTests(BrokerFixture broker)
{
    private static readonly string? s_kcat = new[] { "/usr/bin/kcat", "/usr/local/bin/kcat" }.FirstOrDefault(File.Exists);

    private static async Task<string> KcatAsync(string arguments, string? input = null)
    {
        var start = new ProcessStartInfo(s_kcat!, arguments) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"kcat {arguments} exited {process.ExitCode}: {await error}");
        return await output;
    }

    [SkippableFact]
    public async Task Plain_text_that_kcat_writes_is_read_as_plain_text()
    {
        Skip.If(s_kcat is null, "kcat is not installed (apt-get install kcat)");
        var topic = await broker.CreateTopicAsync("kcat-in", 1);

        await KcatAsync($"-P -b {broker.BootstrapServers} -t {topic} -K :", "k1:hello from kcat\nk2:{\"not\":\"an event\"}\n");
        var received = new List<ConsumedMessage>();
        await new NoteConsumer(new ConsumerOptions(broker.BootstrapServers, [topic], $"g-{topic}") { MaxMessages = 2, IdleTimeout = TimeSpan.FromSeconds(20) },
            new StringWriter(), new ListLogger(), received.Add).RunAsync(CancellationToken.None);

        Assert.Equal(("k1", PayloadKind.Plain, "hello from kcat"), (received[0].Key!, received[0].Decoded.Kind, received[0].Decoded.Text));
        Assert.Equal(("k2", PayloadKind.Invalid), (received[1].Key!, received[1].Decoded.Kind));
    }

    [SkippableFact]
    public async Task What_our_producer_writes_kcat_reads_unchanged()
    {
        Skip.If(s_kcat is null, "kcat is not installed (apt-get install kcat)");
        var topic = await broker.CreateTopicAsync("kcat-out", 3);
        await new NoteProducer(new ProducerOptions(broker.BootstrapServers, topic, 9, TimeSpan.FromSeconds(30)) { Quiet = true }, new StringWriter(), new ListLogger())
            .RunAsync(CancellationToken.None);

        var output = await KcatAsync($"-C -b {broker.BootstrapServers} -t {topic} -e -q -f \"%k\\t%h\\t%s\\n\"");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        Assert.Equal(9, lines.Count);
        Assert.All(lines, l => Assert.Equal("content-type=application/json", l[1]));
        var expected = Enumerable.Range(1, 9).Select(NoteEventFactory.Create)
            .Select(e => (e.EventType, JsonSerializer.Serialize(e, NoteEventJsonContext.Default.NoteEvent))).OrderBy(x => x.Item2);
        Assert.Equal(expected, lines.Select(l => (l[0], l[2])).OrderBy(x => x.Item2));
    }
}
