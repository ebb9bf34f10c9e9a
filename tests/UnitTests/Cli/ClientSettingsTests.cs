using KafkaDemo.Cli;

namespace KafkaDemo.UnitTests.Cli;

public class ClientSettingsTests
{
    [Fact]
    public void Later_layers_win()
    {
        var merged = ClientSettings.Merge(
            [KeyValuePair.Create("acks", "1"), KeyValuePair.Create("linger.ms", "10")],
            [KeyValuePair.Create("linger.ms", "20")],
            [KeyValuePair.Create("acks", "all")]);

        Assert.Equal("all", merged["acks"]);
        Assert.Equal("20", merged["linger.ms"]);
    }
}
