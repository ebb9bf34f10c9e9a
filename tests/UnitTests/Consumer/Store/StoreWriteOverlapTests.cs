using Confluent.Kafka;
using KafkaDemo.Consumer;
using KafkaDemo.Consumer.Offsets;
using KafkaDemo.Consumer.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.UnitTests.Consumer.Store;

// A checkpoint taken while consuming lets its store write run on a thread of its own while the next
// messages are handled: what that may break, on a real SQLite file. The offsets a checkpoint
// stores with the client must wait for the write that holds their messages; every other
// checkpoint (a commit, a revocation, a partition's end, shutdown) waits for all writes; a write
// that fails stops the run at the next checkpoint, and nothing handled after it is written.
public sealed class StoreWriteOverlapTests : IDisposable
{
    private static readonly TopicPartition P0 = new("notes", new Partition(0));
    private static readonly TopicPartition P1 = new("notes", new Partition(1));

    private readonly string _directory = Directory.CreateTempSubdirectory("store-overlap-").FullName;
    private readonly List<string> _storedWithClient = [];
    private readonly RecordingLogger _logger = new();
    private readonly StopConditions _stop = new(new ConsumerOptions("localhost:9092", ["notes"], "g"), CancellationToken.None, null);
    private readonly EventStore _store;
    private readonly StoreBatch _batch;
    private readonly BeforeOffsetsMove _durable;
    private readonly OffsetCheckpoint _checkpoint;

    public StoreWriteOverlapTests()
    {
        _store = EventStore.Open(Target);
        _batch = new StoreBatch(_store, "g", new KafkaDemo.Consumer.Telemetry.ConsumerMetrics(new ConsumeStats()));
        _durable = new BeforeOffsetsMove(1, new OutputGate(new StringWriter(), _stop), _batch, _stop, _logger,
            storeWithClient: offset => _storedWithClient.Add($"{offset.Partition.Value}@{offset.Offset.Value}"));
        _checkpoint = new OffsetCheckpoint(_durable.MakeDurable, _durable.StoreOffset, _logger, 1);
        _ = _batch.Assigned([P0, P1], p => new TopicPartitionOffset(p, Offset.Beginning)).ToList();
    }

    private StoreTarget Target => StoreTarget.Parse($"sqlite:{Path.Combine(_directory, "notes.db")}", out _)!;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private void Handle(TopicPartition partition, long offset)
    {
        var message = new ConsumeResult<byte[], byte[]>
        {
            Topic = partition.Topic,
            Partition = partition.Partition,
            Offset = new Offset(offset),
            Message = new Message<byte[], byte[]>(),
        };
        _batch.Handled(message, new StoredEvent(partition.Topic, partition.Partition.Value, offset, "k", "note_created", offset, "text", 1000, "[]", DateTimeOffset.UnixEpoch));
        _checkpoint.Handled(message);
    }

    private void CheckpointWhileConsuming()
    {
        using (_durable.WhileConsuming())
        {
            _checkpoint.Checkpoint();
        }
    }

    private static SqliteConnection Lock(StoreTarget target)
    {
        var holder = new SqliteConnection(target.ConnectionString);
        holder.Open();
        using var command = holder.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE";
        command.ExecuteNonQuery();
        return holder;
    }

    private static void Unlock(SqliteConnection holder)
    {
        using (var command = holder.CreateCommand())
        {
            command.CommandText = "COMMIT";
            command.ExecuteNonQuery();
        }

        holder.Dispose();
    }

    private long Position(TopicPartition partition) => _store.Positions("g", [partition]).GetValueOrDefault(partition, -1);

    [Fact]
    public void Offsets_reach_the_client_only_after_their_write_has_landed_and_a_commit_time_checkpoint_waits_for_it()
    {
        Handle(P0, 0);
        Handle(P0, 1);
        var holder = Lock(Target);

        // The database is locked, so the write cannot have landed: the offset waits for it.
        CheckpointWhileConsuming();
        Assert.Empty(_storedWithClient);
        Handle(P1, 5);
        Assert.Empty(_storedWithClient);
        Unlock(holder);

        // As a revocation or a partition's end does: once it returns, the store holds everything.
        _checkpoint.Checkpoint();

        Assert.Equal(["0@2", "1@6"], _storedWithClient);
        Assert.Equal(3, _store.EventCount());
        Assert.Equal(2, Position(P0));
        Assert.Equal(6, Position(P1));
        Assert.False(_batch.StillWriting);
        Assert.False(_stop.Fatal);
    }

    [Fact]
    public void A_write_that_fails_while_the_instance_reads_on_stops_the_run_at_the_next_checkpoint_and_nothing_after_it_is_written()
    {
        Handle(P0, 0);
        _checkpoint.Checkpoint();
        // Another consumer moves the offset this instance expects: its next write is refused.
        _store.Write("g", [], [new OffsetAdvance(P0, 1, 7)]);
        Handle(P0, 1);
        CheckpointWhileConsuming();
        Assert.False(_stop.Fatal);

        Handle(P0, 2);
        Handle(P1, 0);
        CheckpointWhileConsuming();
        _checkpoint.Checkpoint();

        Assert.True(_stop.Fatal);
        var critical = Assert.Single(_logger.Entries, e => e.Level == LogLevel.Critical);
        Assert.Equal("Consumer 1: the stored offset of notes[0] for group g is no longer 1: another consumer wrote it; stopping, and acknowledging nothing the store does not hold", critical.Text);
        Assert.Equal(["0@1"], _storedWithClient);
        Assert.Equal(1, _store.EventCount());
        Assert.Equal(7, Position(P0));
        Assert.Equal(-1, Position(P1));
    }

    [Fact]
    public void Partitions_lost_while_their_write_is_in_flight_keep_their_offsets_from_the_client_and_are_read_again_from_where_the_write_left_them()
    {
        Handle(P0, 0);
        Handle(P1, 3);
        CheckpointWhileConsuming();

        _checkpoint.Forget([P1]);
        _batch.Forget([P1]);
        var starts = _batch.Assigned([P1], p => new TopicPartitionOffset(p, Offset.Beginning)).Select(s => s.Offset.Value).ToList();
        Handle(P1, 4);
        _checkpoint.Checkpoint();

        Assert.Equal([4L], starts);
        Assert.Equal(["0@1", "1@5"], _storedWithClient);
        Assert.Equal(3, _store.EventCount());
        Assert.Equal(5, Position(P1));
        Assert.False(_stop.Fatal);
    }

    [Fact]
    public void While_the_previous_write_is_still_running_the_batch_grows_and_its_offsets_wait_for_the_write_that_takes_it()
    {
        var holder = Lock(Target);
        Handle(P0, 0);
        CheckpointWhileConsuming();
        Handle(P1, 0);
        Handle(P1, 1);

        // The first write cannot land while the database is locked: the second batch is kept.
        CheckpointWhileConsuming();
        Assert.True(_batch.StillWriting);
        Assert.Equal(2, _batch.Pending);
        Assert.Empty(_storedWithClient);
        Unlock(holder);
        _checkpoint.Checkpoint();

        Assert.Equal(["0@1", "1@2"], _storedWithClient);
        Assert.Equal(3, _store.EventCount());
        Assert.Equal(1, Position(P0));
        Assert.Equal(2, Position(P1));
        Assert.False(_stop.Fatal);
    }
}
