using KafkaDemo.Cli;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.Store;
using KafkaDemo.Producer;
using Microsoft.Data.Sqlite;

namespace KafkaDemo.BrokerTests.Stores;

// A member joining while another is storing takes partitions away from it mid-run, while that
// member's store writes run beside its reading: the revocation waits for them, and the new owner
// starts where the store is. Whatever the timing, every event is stored once and neither member
// meets another's offsets (a refused write would exit 1). The unit tests (StoreWriteOverlapTests)
// pin the ordering itself; here the group's own rebalance delay makes a race rare.
[Collection(BrokerCollection.Name)]
public sealed class StoreRebalanceTests(BrokerFixture broker, PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    private readonly string _directory = Directory.CreateTempSubdirectory("store-rebalance-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_member_joining_mid_run_takes_partitions_from_one_that_is_writing_and_every_event_is_stored_once(string engine)
    {
        const int Events = 20_000;
        var topic = await broker.CreateTopicAsync("store-rebalance", 4);
        var produced = await CommandRunner.RunAsync(ProducerCommand.Create(_ => null),
            "-b", broker.BootstrapServers, "-t", topic, "-n", Events.ToString(System.Globalization.CultureInfo.InvariantCulture), "--key-strategy", "uuid", "-q").WaitAsync(Bound);
        Assert.True(produced.ExitCode == ExitCodes.Success, produced.Error);
        var store = engine == "sqlite" ? $"sqlite:{Path.Combine(_directory, "notes.db")}" : await postgres.CreateDatabaseAsync();
        var target = StoreTarget.Parse(store, out _)!;
        EventStore.Open(target);

        // The second member leaves well after the first, so the group is never closing two at once.
        var first = ProgramProcess.RunAsync("KafkaDemo.Consumer.dll", Arguments(topic, store, "5s"));
        await Eventually.HoldsAsync(() => StoreContents.Count(target) > 0, "the first member stored events", Bound);
        var second = ProgramProcess.RunAsync("KafkaDemo.Consumer.dll", Arguments(topic, store, "12s"));
        var (firstExit, _, firstError) = await first.WaitAsync(Bound);
        var (secondExit, _, secondError) = await second.WaitAsync(Bound);

        Assert.True(firstExit == ExitCodes.Success, firstError);
        Assert.True(secondExit == ExitCodes.Success, secondError);
        var everyOffsetOnce = TopicReader.ReadAll(broker.BootstrapServers, topic, Events).Select(m => (m.Partition.Value, m.Offset.Value)).Order().ToList();
        Assert.Equal(everyOffsetOnce, StoreContents.Positions(target, topic));
        Assert.Equal(StoreContents.Replay(TopicReader.ReadAll(broker.BootstrapServers, topic, Events)), EventStore.Open(target).Notes());
    }

    private string Arguments(string topic, string store, string idle) =>
        $"-b {broker.BootstrapServers} -t {topic} -g {topic} --store {store} --idle-timeout {idle} -q -o raw -X session.timeout.ms=6000";
}
