namespace KafkaDemo.BrokerTests.Cli;

// The programs as processes, with their config directory in a temporary XDG_CONFIG_HOME: a
// profile added with `config add` is all a run needs to find the broker, the topic and the group.
[Collection(BrokerCollection.Name)]
public sealed class ClusterProfileTests(BrokerFixture broker) : IDisposable
{
    private readonly string _configHome = Path.Combine(Path.GetTempPath(), $"kafkademo-profiles-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_profile_added_with_config_add_is_all_the_producer_and_consumer_need()
    {
        var topic = await broker.CreateTopicAsync("profile", partitions: 3);
        var group = $"group-{topic}";

        var added = await RunAsync("KafkaDemo.Consumer", $"config add test-broker -b {broker.BootstrapServers} -t {topic} -g {group} -X client.id=from-profile");
        var produced = await RunAsync("KafkaDemo.Producer", "--cluster test-broker");
        var consumed = await RunAsync("KafkaDemo.Consumer", "--cluster test-broker --exit-at-end -q -o jsonl");
        // -t: a profile's topic is a default, which does not narrow lag (nor can the embedded broker list a group's topics).
        var lag = await RunAsync("KafkaDemo.Consumer", $"lag --cluster test-broker -t {topic}");

        Assert.Equal(0, added.ExitCode);
        Assert.True(produced.ExitCode == 0, produced.Stderr);
        Assert.Contains($"Summary for {topic}: sent 9, delivered 9, failed 0", produced.Stderr);
        Assert.True(consumed.ExitCode == 0, consumed.Stderr);
        var lines = consumed.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(9, lines.Length);
        Assert.All(lines, line => Assert.Contains($"\"topic\":\"{topic}\"", line));
        Assert.True(lag.ExitCode == 0, lag.Stderr);
        Assert.Contains($"Group {group}", lag.Stdout);
        Assert.Contains("Total lag: 0", lag.Stdout);
    }

    public void Dispose()
    {
        if (Directory.Exists(_configHome))
        {
            Directory.Delete(_configHome, recursive: true);
        }
    }

    // The variables that would outrank the profile are blanked (an empty one counts as unset), so
    // the run can only have found the broker, the topic and the group through the profile.
    private Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, string arguments) =>
        ProgramProcess.RunAsync(program, arguments, new Dictionary<string, string>
        {
            ["XDG_CONFIG_HOME"] = _configHome,
            ["KAFKA_BOOTSTRAP_SERVERS"] = "",
            ["KAFKA_TOPIC"] = "",
            ["KAFKA_GROUP_ID"] = "",
            ["KAFKA_CLUSTER"] = "",
        });
}
