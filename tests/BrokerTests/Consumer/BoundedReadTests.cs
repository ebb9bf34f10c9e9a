using KafkaDemo.Cli;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.Lag;
using KafkaDemo.Consumer.Store;

namespace KafkaDemo.BrokerTests.Consumer;

// --until runs end by themselves: a run that does not fails the test at ProgramProcess's bound
// instead of hanging the suite.
[Collection(BrokerCollection.Name)]
public class BoundedReadTests(BrokerFixture broker)
{
    private const string Format = @"--format %p:%o\n -q";

    private Task<(int ExitCode, string Stdout, string Stderr)> Consume(string arguments) =>
        ProgramProcess.RunAsync("KafkaDemo.Consumer", $"-b {broker.BootstrapServers} {arguments} {Format}");

    private Dictionary<int, long?> Committed(string topic, string group) =>
        GroupLag.Measure(ConsumerConfigFactory.Create(new ConsumerOptions(broker.BootstrapServers, [topic], group)), [topic], TimeSpan.FromSeconds(10))
            .ToDictionary(row => row.Partition, row => row.Committed);

    private async Task<string> TopicWith(string prefix, params int[] counts)
    {
        var topic = await broker.CreateTopicAsync(prefix, counts.Length);
        for (var partition = 0; partition < counts.Length; partition++)
        {
            await PartitionFiller.FillAsync(broker.BootstrapServers, topic, partition, counts[partition]);
        }

        return topic;
    }

    [Fact]
    public async Task An_offset_bound_stops_every_partition_before_it_and_the_next_run_goes_on_from_there()
    {
        var topic = await TopicWith("until-offset", 6, 6, 6);

        var first = await Consume($"-t {topic} -g {topic} --until @2");
        var committed = Committed(topic, topic);
        var second = await Consume($"-t {topic} -g {topic} --until @4");

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Equal(new Dictionary<int, List<long>> { [0] = [0, 1], [1] = [0, 1], [2] = [0, 1] }, PartitionFiller.Offsets(first.Stdout));
        Assert.Equal(new Dictionary<int, long?> { [0] = 2, [1] = 2, [2] = 2 }, committed);
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Equal(new Dictionary<int, List<long>> { [0] = [2, 3], [1] = [2, 3], [2] = [2, 3] }, PartitionFiller.Offsets(second.Stdout));
    }

    [Fact]
    public async Task A_count_bound_counts_from_where_each_assigned_partition_starts_and_exit_at_end_ends_a_short_one_at_its_end()
    {
        var topic = await TopicWith("until-count", 6, 6, 1);

        var (exitCode, output, _) = await Consume($"--assign {topic}:0@1,{topic}:1,{topic}:2 -g {topic} --until +3 --exit-at-end");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(new Dictionary<int, List<long>> { [0] = [1, 2, 3], [1] = [0, 1, 2], [2] = [0] }, PartitionFiller.Offsets(output));
        Assert.Equal(new Dictionary<int, long?> { [0] = 4, [1] = 3, [2] = 1 }, Committed(topic, topic));
    }

    [Fact]
    public async Task A_time_bound_stops_each_partition_before_its_first_later_message_which_the_next_run_reads_first()
    {
        var topic = await broker.CreateTopicAsync("until-time", 3);
        var start = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
        // Partition p's i-th message is stamped start + 2p + i seconds: partition 0 has five by
        // start + 4.5 s, partition 1 three, partition 2 one.
        for (var partition = 0; partition < 3; partition++)
        {
            await PartitionFiller.FillAsync(broker.BootstrapServers, topic, partition, 10, start + (partition * 2000L));
        }

        var bound = DateTimeOffset.FromUnixTimeMilliseconds(start + 4500).ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
        var bounded = await Consume($"-t {topic} -g {topic} --until {bound}");
        var rest = await Consume($"-t {topic} -g {topic} --exit-at-end");

        Assert.Equal(ExitCodes.Success, bounded.ExitCode);
        Assert.Equal(new Dictionary<int, List<long>> { [0] = [0, 1, 2, 3, 4], [1] = [0, 1, 2], [2] = [0] }, PartitionFiller.Offsets(bounded.Stdout));
        Assert.Equal(ExitCodes.Success, rest.ExitCode);
        Assert.Equal([5, 3, 1], PartitionFiller.Offsets(rest.Stdout).OrderBy(p => p.Key).Select(p => p.Value[0]));
        Assert.All(PartitionFiller.Offsets(rest.Stdout).Values, offsets => Assert.Equal(9, offsets[^1]));
    }

    [Fact]
    public async Task With_a_store_the_database_holds_each_partitions_next_offset_at_its_bound()
    {
        var topic = await TopicWith("until-store", 4, 4);
        var store = $"sqlite:{Path.Combine(Path.GetTempPath(), topic)}.db";

        var (exitCode, output, _) = await Consume($"-t {topic} -g {topic} --until @2 --store {store}");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(new Dictionary<int, List<long>> { [0] = [0, 1], [1] = [0, 1] }, PartitionFiller.Offsets(output));
        Assert.Equal([new StoredOffset(topic, topic, 0, 2), new StoredOffset(topic, topic, 1, 2)], EventStore.Open(StoreTarget.Parse(store, out _)!).Offsets(topic));
    }

    [Fact]
    public async Task Without_exit_at_end_a_partition_short_of_its_bound_keeps_the_run_going_until_another_stop()
    {
        var topic = await TopicWith("until-wait", 3, 1);

        var (exitCode, output, error) = await ProgramProcess.RunAsync("KafkaDemo.Consumer",
            $@"-b {broker.BootstrapServers} -t {topic} -g {topic} --until @2 --idle-timeout 5s --format %p:%o\n");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("No message for 5s; stopped", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Read every partition", error, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<int, List<long>> { [0] = [0, 1], [1] = [0] }, PartitionFiller.Offsets(output));
        Assert.Equal(new Dictionary<int, long?> { [0] = 2, [1] = 1 }, Committed(topic, topic));
    }

    [Fact]
    public async Task Max_messages_stops_a_bounded_run_first_and_commits_only_what_was_shown()
    {
        var topic = await TopicWith("until-max", 4);

        var (exitCode, output, _) = await Consume($"-t {topic} -g {topic} --until +3 -n 2");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(new Dictionary<int, List<long>> { [0] = [0, 1] }, PartitionFiller.Offsets(output));
        Assert.Equal(2, Committed(topic, topic)[0]);
    }
}
