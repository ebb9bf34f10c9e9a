using System.Diagnostics;
using KafkaDemo.Cli;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.Store;
using KafkaDemo.Producer.Keys;
using KafkaDemo.Producer;
using Microsoft.Data.Sqlite;

namespace KafkaDemo.BrokerTests.Stores;

// Consumer --store on SQLite and on a real PostgreSQL server: every event stored once, with the
// offsets in the same transaction, whatever happens to the Consumer or the database. Each test
// reads as a group of its own (named after its topic): a group shared with a test that killed its
// members would rebalance under the next one, which librdkafka 2.16 can abort on while a consumer
// closes (rd_kafka_cgrp_terminated: assert !rd_kafka_assignment_in_progress, librdkafka#4027).
[Collection(BrokerCollection.Name)]
public sealed class StoreTests(BrokerFixture broker, PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    private readonly string _directory = Directory.CreateTempSubdirectory("store-tests-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<string> NewStore(string engine) =>
        engine == "sqlite" ? $"sqlite:{Path.Combine(_directory, $"{Guid.NewGuid():N}.db")}" : await postgres.CreateDatabaseAsync();

    private static StoreTarget Target(string store) => StoreTarget.Parse(store, out _)!;

    private async Task<string> TopicWithEvents(int partitions, int count)
    {
        var topic = await broker.CreateTopicAsync("store", partitions);
        var (exitCode, _, error) = await CommandRunner.RunAsync(ProducerCommand.Create(_ => null),
            "-b", broker.BootstrapServers, "-t", topic, "-n", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--key-strategy", "uuid", "-q").WaitAsync(Bound);
        Assert.True(exitCode == ExitCodes.Success, error);
        return topic;
    }

    private Task<(int ExitCode, string Output, string Error)> Consume(string topic, string group, string store, params string[] more) =>
        CommandRunner.RunAsync(ConsumerCommand.Create(_ => null),
            ["-b", broker.BootstrapServers, "-t", topic, "-g", group, "--store", store, "--exit-at-end", "-q", "-X", "session.timeout.ms=6000", .. more]).WaitAsync(Bound);

    // The real program, for what it logs on stderr.
    private Task<(int ExitCode, string Stdout, string Stderr)> ConsumeInProcessOfItsOwn(string topic, string group, string store, params string[] more) =>
        ProgramProcess.RunAsync("KafkaDemo.Consumer.dll",
            string.Join(' ', ["-b", broker.BootstrapServers, "-t", topic, "-g", group, "--store", store, "--exit-at-end", "-q", "-X", "session.timeout.ms=6000", .. more]));

    private List<(int Partition, long Offset)> EveryOffsetOnce(string topic) =>
        [.. TopicReader.ReadAll(broker.BootstrapServers, topic, 0).Select(m => (m.Partition.Value, m.Offset.Value)).Order()];

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Every_event_is_stored_once_with_its_offsets_and_a_second_run_stores_nothing_more(string engine)
    {
        var topic = await TopicWithEvents(partitions: 3, count: 30);
        var store = await NewStore(engine);

        var first = await Consume(topic, topic, store);
        var second = await Consume(topic, topic, store);

        Assert.True(first.ExitCode == ExitCodes.Success, first.Error);
        Assert.True(second.ExitCode == ExitCodes.Success, second.Error);
        Assert.Equal(EveryOffsetOnce(topic), StoreContents.Positions(Target(store), topic));
        var ends = TopicReader.ReadAll(broker.BootstrapServers, topic, 0).GroupBy(m => m.Partition.Value).ToDictionary(g => g.Key, g => g.Max(m => m.Offset.Value) + 1);
        Assert.Equal(ends.OrderBy(e => e.Key).Select(e => new StoredOffset(topic, topic, e.Key, e.Value)), EventStore.Open(Target(store)).Offsets(topic));
        Assert.Equal(StoreContents.Replay(TopicReader.ReadAll(broker.BootstrapServers, topic, 0)), EventStore.Open(Target(store)).Notes());
    }

    [Fact]
    public async Task Invalid_events_and_tombstones_are_not_stored_but_their_offsets_move_with_the_batch()
    {
        var topic = await broker.CreateTopicAsync("store-mixed", 1);
        var input = Path.Combine(_directory, "mixed.txt");
        await File.WriteAllLinesAsync(input, ["""k:{"id":1,"event_type":"note_created","text":"kept"}""", """k:{"id":"two","event_type":"note_created"}""", "k:", "k:plain text"]);
        var produced = await CommandRunner.RunAsync(ProducerCommand.Create(_ => null),
            "-b", broker.BootstrapServers, "-t", topic, "-i", input, "--key-separator", ":", "--null-marker", "", "-q").WaitAsync(Bound);
        Assert.Equal(ExitCodes.Success, produced.ExitCode);
        var store = await NewStore("sqlite");

        var (exitCode, _, error) = await Consume(topic, topic, store);

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Equal([(0, 0L), (0, 3L)], StoreContents.Positions(Target(store), topic));
        Assert.Equal([new StoredOffset(topic, topic, 0, 4)], EventStore.Open(Target(store)).Offsets(topic));
    }

    [Fact]
    public async Task The_database_not_the_groups_Kafka_commits_decides_where_reading_starts()
    {
        var topic = await TopicWithEvents(partitions: 2, count: 12);
        var store = await NewStore("sqlite");
        var withoutStore = await CommandRunner.RunAsync(ConsumerCommand.Create(_ => null),
            "-b", broker.BootstrapServers, "-t", topic, "-g", topic, "--exit-at-end", "-q", "-X", "session.timeout.ms=6000").WaitAsync(Bound);
        Assert.Equal(ExitCodes.Success, withoutStore.ExitCode);

        var (exitCode, _, error) = await Consume(topic, topic, store);

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Equal(EveryOffsetOnce(topic), StoreContents.Positions(Target(store), topic));
    }

    [Fact]
    public async Task An_unreachable_database_at_start_is_one_line_exit_1_and_nothing_is_consumed()
    {
        var topic = await TopicWithEvents(partitions: 1, count: 3);

        var (exitCode, output, error) = await ConsumeInProcessOfItsOwn(topic, "unreachable", "postgres://app:hunter2@127.0.0.1:1/notes");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Empty(output);
        Assert.Equal(["cannot open postgres://app:***@127.0.0.1:1/notes: Failed to connect to 127.0.0.1:1"], ErrorLines(error));
        Assert.DoesNotContain("hunter2", error);
        var lag = global::KafkaDemo.Consumer.Lag.GroupLag.Measure(ConsumerConfigFactory.Create(new ConsumerOptions(broker.BootstrapServers, [topic], "unreachable")), [topic], TimeSpan.FromSeconds(10));
        Assert.All(lag, row => Assert.Null(row.Committed));
    }

    [Fact]
    public async Task Wrong_credentials_are_one_line_with_the_password_masked()
    {
        var topic = await TopicWithEvents(partitions: 1, count: 3);
        var store = await postgres.CreateDatabaseAsync();
        var wrong = postgres.Url(new Uri(store).AbsolutePath.TrimStart('/'), "not-the-password");

        var (exitCode, _, error) = await ConsumeInProcessOfItsOwn(topic, topic, wrong);

        Assert.Equal(ExitCodes.Failure, exitCode);
        var line = Assert.Single(ErrorLines(error));
        Assert.Contains("password authentication failed", line);
        Assert.Contains(":***@", line);
        Assert.DoesNotContain("not-the-password", error);
    }

    [Fact]
    public async Task A_locked_sqlite_file_is_one_line_and_exit_1()
    {
        var topic = await TopicWithEvents(partitions: 1, count: 3);
        var store = await NewStore("sqlite");
        EventStore.Open(Target(store));
        await using var holder = new SqliteConnection(Target(store).ConnectionString);
        await holder.OpenAsync();
        await using (var command = holder.CreateCommand())
        {
            command.CommandText = "BEGIN EXCLUSIVE";
            await command.ExecuteNonQueryAsync();
        }

        var (exitCode, _, error) = await ConsumeInProcessOfItsOwn(topic, topic, store);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("database is locked", Assert.Single(ErrorLines(error)));
    }

    // Made read-only with chattr +i, which stops root too (see ImmutableFile).
    [SkippableFact]
    public async Task A_read_only_sqlite_file_is_one_line_and_exit_1()
    {
        var topic = await TopicWithEvents(partitions: 1, count: 3);
        var store = await NewStore("sqlite");
        EventStore.Open(Target(store));
        SqliteConnection.ClearAllPools();
        var file = store["sqlite:".Length..];
        foreach (var leftover in new[] { file + "-wal", file + "-shm" }.Where(File.Exists))
        {
            File.Delete(leftover);
        }

        var (made, why) = await ImmutableFile.Chattr("+i", file);
        Skip.IfNot(made, $"cannot make the file immutable here (chattr +i: {why})");
        try
        {
            var (exitCode, _, error) = await ConsumeInProcessOfItsOwn(topic, topic, store);

            Assert.Equal(ExitCodes.Failure, exitCode);
            Assert.Equal([$"cannot open {store}: the file is read-only"], ErrorLines(error));
        }
        finally
        {
            await ImmutableFile.Chattr("-i", file);
        }
    }

    [SkippableFact]
    public async Task A_database_that_goes_away_mid_run_stops_the_run_and_the_next_run_resumes_exactly()
    {
        Skip.If(postgres.Local is null, "stops and restarts the server, which only a server started for the run allows (here: the local installation)");
        var topic = await broker.CreateTopicAsync("store-outage", 2);
        var store = await postgres.CreateDatabaseAsync();
        using var producing = new CancellationTokenSource();
        var producer = new NoteProducer(new ProducerOptions(broker.BootstrapServers, topic, 600, TimeSpan.FromSeconds(30))
            { Interval = TimeSpan.FromMilliseconds(10), KeyStrategy = KeyStrategy.Uuid, Quiet = true }, new StringWriter(), new ListLogger());
        var produced = producer.RunAsync(producing.Token);
        var consumer = ProgramProcess.RunAsync("KafkaDemo.Consumer.dll",
            $"-b {broker.BootstrapServers} -t {topic} -g {topic} --store {store} --idle-timeout 60s -q -X session.timeout.ms=6000");
        var target = Target(store);
        await Eventually.HoldsAsync(() => Stored(target) >= 50, "50 events were stored", Bound);

        postgres.Local!.Stop();
        var (exitCode, _, error) = await consumer.WaitAsync(Bound);
        postgres.Local.StartServer();

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("acknowledging nothing the store does not hold", error);
        await produced.WaitAsync(Bound);
        var resumed = await Consume(topic, topic, store);
        Assert.True(resumed.ExitCode == ExitCodes.Success, resumed.Error);
        Assert.Equal(EveryOffsetOnce(topic), StoreContents.Positions(target, topic));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Consumers_killed_at_random_moments_and_restarted_store_every_event_exactly_once(string engine)
    {
        const int Events = 40_000;
        const int Kills = 5;
        var topic = await TopicWithEvents(partitions: 4, count: Events);
        var store = await NewStore(engine);
        var target = Target(store);
        EventStore.Open(target);

        var kills = 0;
        while (kills < Kills)
        {
            var before = Stored(target);
            using var consumer = StartConsumerProcess(topic, store);
            // Killed once it has stored more, a random moment later: mid-batch, mid-commit or between.
            await Eventually.HoldsAsync(() => Stored(target) > before || consumer.HasExited, "the consumer stored more events", Bound);
            await Task.Delay(Random.Shared.Next(0, 50));
            if (consumer.HasExited)
            {
                break;
            }

            consumer.Kill();
            await consumer.WaitForExitAsync();
            kills++;
        }

        var (exitCode, _, error) = await Consume(topic, topic, store);

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.True(kills >= 3, $"only {kills} kills landed before the events ran out");
        var stored = StoreContents.Positions(target, topic);
        Assert.Equal(Events, stored.Count);
        Assert.Equal(EveryOffsetOnce(topic), stored);
        Assert.Equal(StoreContents.Replay(TopicReader.ReadAll(broker.BootstrapServers, topic, Events)), EventStore.Open(target).Notes());
        Console.Error.WriteLine($"StoreTests ({engine}): {Events} events, {kills} SIGKILLs, {stored.Count} stored, {stored.Count - stored.Distinct().Count()} duplicates, {Events - stored.Distinct().Count()} missing");
    }

    private Process StartConsumerProcess(string topic, string store)
    {
        var process = Process.Start(Programs.Start("KafkaDemo.Consumer",
            ["-b", broker.BootstrapServers, "-t", topic, "-g", topic, "--store", store, "--exit-at-end", "-q", "-o", "raw", "-X", "session.timeout.ms=6000"]))!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static long Stored(StoreTarget target) => StoreContents.Count(target);

    private static string[] ErrorLines(string error) =>
        [.. error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.Contains(" fail: ", StringComparison.Ordinal) || l.StartsWith("error:", StringComparison.Ordinal))
            .Select(l => l.Contains(" fail: ", StringComparison.Ordinal) ? l[(l.IndexOf("] ", StringComparison.Ordinal) + 2)..] : l)];
}
