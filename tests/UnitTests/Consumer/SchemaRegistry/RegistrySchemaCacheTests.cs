using Confluent.SchemaRegistry;
using KafkaDemo.Consumer.SchemaRegistry;
using KafkaDemo.TestSupport.SchemaRegistry;

namespace KafkaDemo.UnitTests.Consumer.SchemaRegistry;

public sealed class RegistrySchemaCacheTests : IAsyncLifetime
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    private InProcessSchemaRegistry _registry = null!;
    private readonly ManualClock _clock = new();

    public Task InitializeAsync()
    {
        _registry = InProcessSchemaRegistry.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _registry.DisposeAsync();

    [Fact]
    public async Task A_registry_that_failed_is_asked_again_only_after_the_interval()
    {
        var id = await new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _registry.Url })
            .RegisterSchemaAsync("notes-value", new Schema("""{"type":"record","name":"N","fields":[]}""", SchemaType.Avro));
        var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _registry.Url, MaxRetries = 1 });
        var cache = new RegistrySchemaCache(client, _clock, RetryAfter);
        _registry.FailingStatus = 503;

        var failed = await cache.Get(id, null, "notes-value");
        var asked = _registry.Requests.Count;
        _registry.FailingStatus = null;
        _clock.Advance(RetryAfter - TimeSpan.FromSeconds(1));
        var withinInterval = await cache.Get(id, null, "notes-value");
        var askedWithin = _registry.Requests.Count;
        _clock.Advance(TimeSpan.FromSeconds(1));
        var afterInterval = await cache.Get(id, null, "notes-value");

        Assert.Equal(RegistryDecodeStatus.RegistryUnavailable, failed.Failure);
        Assert.Same(failed, withinInterval);
        Assert.Equal(asked, askedWithin);
        Assert.Equal((id, "avro", 1), (afterInterval.Schema?.Id, afterInterval.Schema?.Encoding, afterInterval.Schema?.Version));
    }

    [Fact]
    public async Task An_unknown_id_is_remembered_for_the_run()
    {
        var cache = new RegistrySchemaCache(new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _registry.Url }), _clock, RetryAfter);

        var first = await cache.Get(5, null, "notes-value");
        _clock.Advance(RetryAfter * 3);
        var later = await cache.Get(5, null, "notes-value");

        Assert.Equal(RegistryDecodeStatus.UnknownSchema, first.Failure);
        Assert.Same(first, later);
        Assert.Single(_registry.Requests);
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
