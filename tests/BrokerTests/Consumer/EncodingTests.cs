using System.Text;
using System.Text.Json;
using Confluent.Kafka;

namespace KafkaDemo.BrokerTests.Consumer;

// --key-encoding and --value-encoding through the real programs: random bytes that are not UTF-8
// go in as base64 and hex lines, come out whole in raw, --format and jsonl, and jsonl replays them
// byte for byte; --parse-headers puts each line's headers on its message. The stored bytes are
// read with the client directly, not through our programs.
[Collection(BrokerCollection.Name)]
public class EncodingTests(BrokerFixture broker)
{
    private static (byte[] Key, byte[] Value)[] RandomMessages()
    {
        var random = new Random(23);
        var messages = new (byte[] Key, byte[] Value)[12];
        for (var i = 0; i < messages.Length; i++)
        {
            messages[i] = (new byte[1 + i], new byte[i * 7]);
            random.NextBytes(messages[i].Key);
            random.NextBytes(messages[i].Value);
            // Bytes that break UTF-8 and lines on every message, whatever the random ones are.
            messages[i].Key[0] = 0xff;
            if (messages[i].Value.Length > 2)
            {
                (messages[i].Value[0], messages[i].Value[1]) = (0x80, (byte)'\n');
            }
        }

        return messages;
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> Produce(string topic, IEnumerable<string> lines, string arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"{topic}.in");
        await File.WriteAllLinesAsync(file, lines);
        try
        {
            return await ProgramProcess.RunAsync("KafkaDemo.Producer", $"-b {broker.BootstrapServers} -t {topic} -i {file} {arguments}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<string> Consume(string topic, string group, params string[] arguments)
    {
        var start = Programs.Start("KafkaDemo.Consumer", ["-b", broker.BootstrapServers, "-t", topic, "-g", group, "--exit-at-end", "-q", .. arguments]);
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await stderr);
        return await stdout;
    }

    [Fact]
    public async Task Binary_keys_and_values_go_in_as_base64_and_hex_come_out_whole_in_every_form_and_replay_byte_for_byte()
    {
        var topic = await broker.CreateTopicAsync("binary", 1);
        var sent = RandomMessages();

        var (exitCode, _, stderr) = await Produce(topic, sent.Select(m => $"{Convert.ToHexString(m.Key)}:{Convert.ToBase64String(m.Value)}"),
            "--key-separator : --key-encoding hex --value-encoding base64 -q");

        Assert.True(exitCode == 0, stderr);
        var stored = TopicReader.ReadAll(broker.BootstrapServers, topic, sent.Length);
        Assert.Equal(sent.Select(m => m.Key), stored.Select(r => r.Message.Key));
        Assert.Equal(sent.Select(m => m.Value), stored.Select(r => r.Message.Value));

        var raw = await Consume(topic, $"raw-{topic}", "-o", "raw", "--value-encoding", "hex");
        Assert.Equal(string.Concat(sent.Select(m => Convert.ToHexStringLower(m.Value) + "\n")), raw);

        var formatted = await Consume(topic, $"format-{topic}", "--format", @"%k %s %S\n", "--key-encoding", "hex", "--value-encoding", "base64");
        Assert.Equal(string.Concat(sent.Select(m => $"{Convert.ToHexStringLower(m.Key)} {Convert.ToBase64String(m.Value)} {m.Value.Length}\n")), formatted);

        var jsonl = await Consume(topic, $"jsonl-{topic}", "-o", "jsonl", "--key-encoding", "base64", "--value-encoding", "hex");
        var lines = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.Equal(("base64", "hex"), Flags(l)));

        var copy = await broker.CreateTopicAsync("binary-copy", 1);
        (exitCode, _, stderr) = await Produce(copy, lines, "--input-format jsonl -q");
        Assert.True(exitCode == 0, stderr);
        var replayed = TopicReader.ReadAll(broker.BootstrapServers, copy, sent.Length);
        Assert.Equal(sent.Select(m => m.Key), replayed.Select(r => r.Message.Key));
        Assert.Equal(sent.Select(m => m.Value), replayed.Select(r => r.Message.Value));
    }

    [Fact]
    public async Task Headers_on_each_input_line_arrive_as_that_messages_headers()
    {
        var topic = await broker.CreateTopicAsync("line-headers", 1);
        string[] lines = ["trace:t-1,source:test\tuser-1:hello", "\tuser-2:no headers", "url:http://x:80,gone:NULL\tuser-3:NULL"];

        var (exitCode, _, stderr) = await Produce(topic, lines, "--parse-headers --key-separator : --null-marker NULL -q");

        Assert.True(exitCode == 0, stderr);
        var stored = TopicReader.ReadAll(broker.BootstrapServers, topic, 3);
        Assert.Equal([[("trace", "t-1"), ("source", "test")], [], [("url", "http://x:80"), ("gone", null)]], stored.Select(Headers));
        Assert.Equal(["user-1", "user-2", "user-3"], stored.Select(r => Encoding.UTF8.GetString(r.Message.Key)));
        Assert.Equal(["hello", "no headers", null], stored.Select(r => r.Message.Value is null ? null : Encoding.UTF8.GetString(r.Message.Value)));
    }

    [Fact]
    public async Task A_line_that_is_not_what_its_encoding_says_is_skipped_and_the_run_exits_1_after_sending_the_rest()
    {
        var topic = await broker.CreateTopicAsync("bad-base64", 1);

        var (exitCode, _, stderr) = await Produce(topic, ["aGk=", "not base64!", "dGhlcmU="], "--value-encoding base64 -q");

        Assert.Equal(1, exitCode);
        Assert.Contains("Input line 2 skipped: value: not base64", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Equal(["hi", "there"], TopicReader.ReadAll(broker.BootstrapServers, topic, 2).Select(r => Encoding.UTF8.GetString(r.Message.Value)));
    }

    private static (string?, string?) Flags(string line)
    {
        var json = JsonDocument.Parse(line).RootElement;
        return (json.GetProperty("key_encoding").GetString(), json.GetProperty("value_encoding").GetString());
    }

    private static (string, string?)[] Headers(ConsumeResult<byte[], byte[]> result) =>
        [.. result.Message.Headers.Select(h => (h.Key, h.GetValueBytes() is { } bytes ? Encoding.UTF8.GetString(bytes) : null))];
}
