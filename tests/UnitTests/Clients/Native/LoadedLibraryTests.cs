using KafkaDemo.Clients.Native;

namespace KafkaDemo.UnitTests.Clients.Native;

public class LoadedLibraryTests
{
    [Fact]
    public void A_load_started_in_the_background_gives_the_library_to_its_first_user()
    {
        LoadedLibrary.LoadInBackground();

        Assert.NotEqual(IntPtr.Zero, LoadedLibrary.Handle);
        Assert.Contains("librdkafka", LoadedLibrary.Name, StringComparison.Ordinal);
        Assert.StartsWith("2.", RdKafka.VersionText(), StringComparison.Ordinal);
    }
}
