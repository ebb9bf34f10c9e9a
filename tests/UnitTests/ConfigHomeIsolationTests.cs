using KafkaDemo.Cli;
using KafkaDemo.Cli.Profiles;
using KafkaDemo.Producer;

namespace KafkaDemo.UnitTests;

public class ConfigHomeIsolationTests
{
    [Fact]
    public void A_program_on_the_process_environment_sees_no_profiles_whatever_the_home_holds()
    {
        var store = ProfileStore.Locate(EnvironmentFallback.Process);
        var options = ProducerCommand.Bind([], EnvironmentFallback.Process);

        Assert.StartsWith(Path.GetTempPath(), store.Path);
        Assert.Empty(store.Load().Clusters);
        Assert.Equal("notes-topic", options.Topic);
    }
}
