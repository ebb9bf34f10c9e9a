using KafkaDemo.Cli;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.UnitTests.Cli;

public class DeferredLoggerFactoryTests
{
    [Fact]
    public void A_run_that_writes_nothing_at_the_minimum_never_builds_the_real_factory()
    {
        var built = new List<RecordingLoggerFactory>();
        var factory = new DeferredLoggerFactory(LogLevel.Information, () => Built(built));

        var logger = factory.CreateLogger("Producer");
        logger.LogDebug("not shown");
        Assert.False(logger.IsEnabled(LogLevel.Debug));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
        factory.Dispose();

        Assert.Empty(built);
        Assert.False(factory.IsBuilt);
    }

    [Fact]
    public void The_first_entry_at_the_minimum_builds_the_real_factory_once_and_reaches_its_logger()
    {
        var built = new List<RecordingLoggerFactory>();
        var factory = new DeferredLoggerFactory(LogLevel.Information, () => Built(built));
        var producer = factory.CreateLogger("Producer");
        var consumer = factory.CreateLogger("Consumer");

        producer.LogInformation("sent {Count}", 9);
        consumer.LogWarning("lagging");
        producer.LogError("failed");

        var real = Assert.Single(built);
        Assert.Equal(["Producer", "Consumer"], real.Categories);
        Assert.Equal([(LogLevel.Information, "sent 9"), (LogLevel.Warning, "lagging"), (LogLevel.Error, "failed")], real.Logger.Entries);
        factory.Dispose();
        Assert.True(real.Disposed);
    }

    [Fact]
    public void An_entry_written_after_dispose_is_still_written_through_a_factory_closed_at_once()
    {
        var built = new List<RecordingLoggerFactory>();
        var factory = new DeferredLoggerFactory(LogLevel.Warning, () => Built(built));
        var logger = factory.CreateLogger("Producer");
        factory.Dispose();

        logger.LogError("late");

        var late = Assert.Single(built);
        Assert.Equal([(LogLevel.Error, "late")], late.Logger.Entries);
        Assert.True(late.Disposed);
    }

    public static TheoryData<LogLevel> Minimums => [.. Enum.GetValues<LogLevel>()];

    [Theory]
    [MemberData(nameof(Minimums))]
    public void It_enables_exactly_the_levels_the_console_logging_enables(LogLevel minimum)
    {
        using var real = ConsoleLogging.Create(minimum);
        using var deferred = ConsoleLogging.CreateOnFirstEntry(minimum);
        var expected = real.CreateLogger("c");
        var logger = deferred.CreateLogger("c");

        Assert.All(Enum.GetValues<LogLevel>(), level => Assert.Equal(expected.IsEnabled(level), logger.IsEnabled(level)));
    }

    private static RecordingLoggerFactory Built(List<RecordingLoggerFactory> built)
    {
        var factory = new RecordingLoggerFactory();
        built.Add(factory);
        return factory;
    }
}
